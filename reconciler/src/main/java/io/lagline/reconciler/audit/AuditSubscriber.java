package io.lagline.reconciler.audit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.core.InstantiatingExecutorProvider;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.event.Heartbeat;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.PublishTime;
import io.lagline.pubsub.admin.PubSubChecks;
import io.lagline.pubsub.republish.Republisher;
import io.lagline.pubsub.republish.TopicRepublisher;
import io.lagline.reconciler.config.AuditConfig;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.mapping.Mapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The convergence auditor inside {@code reconciler run}: its own subscriber on {@code
 * audit.subscription} (a second subscription on the reconciler's topic). Messages not sampled,
 * heartbeats and invalid messages are acked at once; a sampled event is held until its publish time
 * plus {@code audit.grace-period}, then checked ({@link EventAuditor}) and acked. At most {@code
 * audit.max-held} messages are held (flow control): when the auditor falls behind, the rest wait in
 * Pub/Sub and are checked later. A failed read nacks the message, so it is checked again. With
 * {@code audit.repair}, a divergent event is republished to {@code pubsub.topic} (once: a repaired
 * copy carries {@value #REPAIR_OF}) and counted as repaired.
 */
public final class AuditSubscriber implements AutoCloseable {
  /** Attribute a republished copy carries: the message id of the divergent original. */
  public static final String REPAIR_OF = "lagline_audit_repair_of";

  private static final Logger LOG = LoggerFactory.getLogger(AuditSubscriber.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final AuditConfig config;
  private final EventAuditor auditor;
  private final Republisher republisher;
  private final AuditMetrics metrics;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private Subscriber subscriber;

  AuditSubscriber(
      AuditConfig config,
      EventAuditor auditor,
      Republisher republisher,
      AuditMetrics metrics,
      Clock clock) {
    this.config = config;
    this.auditor = auditor;
    this.republisher = republisher;
    this.metrics = metrics;
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "lagline-audit");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Checks {@code audit.subscription} and starts auditing.
   *
   * @throws io.lagline.error.LaglineException naming the key to fix when the subscription or a
   *     table is missing
   */
  public static AuditSubscriber start(
      ReconcilerConfig config,
      PubSubConnection connection,
      CqlSession session,
      Mapping mapping,
      AuditMetrics metrics,
      Clock clock) {
    AuditConfig audit = config.audit();
    PubSubChecks.subscriptionExists(
        connection, audit.subscription(), ReconcilerKey.AUDIT_SUBSCRIPTION);
    RowReader reader =
        CassandraRowReader.prepare(
            session,
            config.cassandra().keyspace(),
            mapping,
            DefaultConsistencyLevel.valueOf(config.cassandra().serialConsistency().name()));
    Republisher republisher =
        audit.repair()
            ? TopicRepublisher.create(
                connection, config.pubsub().topic(), ReconcilerKey.PUBSUB_TOPIC)
            : null;
    AuditSubscriber auditSubscriber =
        new AuditSubscriber(
            audit, new EventAuditor(mapping, reader, metrics), republisher, metrics, clock);
    auditSubscriber.subscribe(connection);
    return auditSubscriber;
  }

  private void subscribe(PubSubConnection connection) {
    Subscriber.Builder builder =
        Subscriber.newBuilder(config.subscription(), (MessageReceiver) this::receive)
            .setParallelPullCount(1)
            .setMaxAckExtensionPeriodDuration(config.gracePeriod().plus(Duration.ofMinutes(10)))
            .setFlowControlSettings(
                FlowControlSettings.newBuilder()
                    .setMaxOutstandingElementCount((long) config.maxHeld())
                    .setLimitExceededBehavior(LimitExceededBehavior.Block)
                    .build())
            .setExecutorProvider(
                InstantiatingExecutorProvider.newBuilder().setExecutorThreadCount(1).build());
    subscriber = connection.configure(builder).build();
    subscriber.startAsync().awaitRunning();
    LOG.info(
        "auditing {} of the events on {} after {}{}",
        config.sampleRate(),
        config.subscription(),
        config.gracePeriod(),
        republisher == null ? "" : ", republishing divergent ones to " + republisher.topic());
  }

  void receive(PubsubMessage message, AckReplyConsumer reply) {
    String eventType = message.getAttributesMap().get(Attributes.EVENT_TYPE);
    String eventId = message.getAttributesMap().get(Attributes.EVENT_ID);
    if (Heartbeat.is(eventType)
        || eventId == null
        || !EventAuditor.sampled(eventId, config.sampleRate())) {
      reply.ack();
      return;
    }
    Event event;
    try {
      event = EventCodec.decode(message.getAttributesMap(), message.getData().toByteArray());
    } catch (RuntimeException invalid) {
      reply.ack(); // poison: the dead-letter path's business
      return;
    }
    Instant due = PublishTime.of(message, clock.instant()).plus(config.gracePeriod());
    long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
    scheduler.schedule(() -> check(message, event, reply), delay, TimeUnit.MILLISECONDS);
  }

  private void check(PubsubMessage message, Event event, AckReplyConsumer reply) {
    auditor
        .check(event, message.getAttributesMap())
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                LOG.warn("audit of event {} failed, retried later: {}", event.eventId(), error);
                reply.nack();
              } else {
                repairIfNeeded(message, result, reply);
              }
            });
  }

  private void repairIfNeeded(
      PubsubMessage message, Optional<AuditResult> result, AckReplyConsumer reply) {
    if (result.isEmpty() || !result.get().divergent() || republisher == null) {
      reply.ack();
      return;
    }
    if (message.containsAttributes(REPAIR_OF)) {
      LOG.warn(
          "event {} still diverges after a repair: not republished again",
          result.get().event().eventId());
      reply.ack();
      return;
    }
    PubsubMessage copy =
        PubsubMessage.newBuilder()
            .setData(message.getData())
            .putAllAttributes(message.getAttributesMap())
            .putAttributes(REPAIR_OF, message.getMessageId())
            .build();
    republisher
        .publish(copy)
        .whenComplete(
            (id, error) -> {
              if (error == null) {
                LOG.info(
                    "divergent event {} republished to {} as {}",
                    result.get().event().eventId(),
                    republisher.topic(),
                    id);
                metrics.auditRepaired();
                reply.ack();
              } else {
                LOG.warn(
                    "could not republish divergent message {}: {}", message.getMessageId(), error);
                reply.nack();
              }
            });
  }

  /** Stops pulling; held messages are redelivered later. Closes the republisher. */
  @Override
  public void close() {
    if (subscriber != null) {
      subscriber.stopAsync();
      try {
        subscriber.awaitTerminated(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | IllegalStateException e) {
        LOG.debug("audit subscriber did not stop cleanly: {}", e.toString());
      }
    }
    scheduler.shutdownNow();
    if (republisher != null) {
      republisher.close();
    }
  }
}
