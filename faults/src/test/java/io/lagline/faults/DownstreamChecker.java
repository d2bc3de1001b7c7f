package io.lagline.faults;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Heartbeat;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A downstream consumer of a scenario's stream, as a service reading Cassandra on the strength of a
 * message would be: on each message that is not a heartbeat it reads the event's rows at
 * LOCAL_QUORUM and counts the read as behind when they do not show the event yet ({@code
 * device_state} missing or older than the message's {@code entity_version}, or, for a sync, its
 * {@code sync_history} row missing). Poison messages are only recorded, never read for: they name
 * no row that should exist. Every {@code event_id} seen is kept, so the scenario can check what was
 * notified.
 */
final class DownstreamChecker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DownstreamChecker.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final CqlSession session;
  private final Set<String> poisonIds;
  private final PreparedStatement state;
  private final PreparedStatement history;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong behind = new AtomicLong();
  private final AtomicLong readErrors = new AtomicLong();
  private final Subscriber subscriber;

  private DownstreamChecker(
      String name,
      PubSubTestResources pubsub,
      ProjectSubscriptionName subscription,
      CqlSession session,
      String keyspace,
      Set<String> poisonIds) {
    this.name = name;
    this.session = session;
    this.poisonIds = Set.copyOf(poisonIds);
    this.state =
        session.prepare(
            "SELECT entity_version FROM " + keyspace + ".device_state WHERE device_id = ?");
    this.history =
        session.prepare(
            "SELECT event_id FROM "
                + keyspace
                + ".sync_history WHERE device_id = ? AND event_id = ?");
    this.subscriber =
        pubsub.connection().configure(Subscriber.newBuilder(subscription, this::receive)).build();
  }

  /**
   * Starts reading {@code subscription}, which must exist.
   *
   * @param name shown in logs, e.g. {@code raw}
   * @param keyspace the scenario's keyspace
   * @param poisonIds event ids of the scenario's poison messages
   */
  static DownstreamChecker start(
      String name,
      PubSubTestResources pubsub,
      ProjectSubscriptionName subscription,
      CqlSession session,
      String keyspace,
      Set<String> poisonIds) {
    DownstreamChecker checker =
        new DownstreamChecker(name, pubsub, subscription, session, keyspace, poisonIds);
    checker.subscriber.startAsync().awaitRunning();
    return checker;
  }

  private void receive(PubsubMessage message, AckReplyConsumer reply) {
    var attributes = message.getAttributesMap();
    if (Heartbeat.is(attributes.get(Attributes.EVENT_TYPE))) {
      reply.ack();
      return;
    }
    messages.incrementAndGet();
    String eventId = attributes.get(Attributes.EVENT_ID);
    if (eventId != null) {
      seen.add(eventId);
    }
    if (eventId == null || poisonIds.contains(eventId)) {
      reply.ack();
      return;
    }
    try {
      reads.incrementAndGet();
      if (isBehind(attributes)) {
        behind.incrementAndGet();
      }
      reply.ack();
    } catch (RuntimeException e) {
      // the node may be busy: nack, the message comes again and is read again
      readErrors.incrementAndGet();
      reads.decrementAndGet();
      LOG.debug("{}: reading for {} failed: {}", name, eventId, e.toString());
      reply.nack();
    }
  }

  private boolean isBehind(Map<String, String> attributes) {
    String key = attributes.get(Attributes.ENTITY_KEY);
    long version = Long.parseLong(attributes.get(Attributes.ENTITY_VERSION));
    Row row =
        session.execute(state.bind(key).setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)).one();
    if (row == null || row.isNull("entity_version") || row.getLong("entity_version") < version) {
      return true;
    }
    if (!"DeviceSynced".equals(attributes.get(Attributes.EVENT_TYPE))) {
      return false;
    }
    return session
            .execute(
                history
                    .bind(key, attributes.get(Attributes.EVENT_ID))
                    .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM))
            .one()
        == null;
  }

  /** Every {@code event_id} received so far (heartbeats aside). */
  Set<String> seen() {
    return Set.copyOf(seen);
  }

  /** Messages received, redeliveries included, heartbeats aside. */
  long messages() {
    return messages.get();
  }

  /** Reads done for good events, redeliveries included. */
  long reads() {
    return reads.get();
  }

  /** Reads that did not show the event yet. */
  long behind() {
    return behind.get();
  }

  /** {@code behind/reads}, as the table shows it. */
  String summary() {
    return behind.get() + "/" + reads.get();
  }

  @Override
  public void close() {
    try {
      subscriber.stopAsync().awaitTerminated(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | IllegalStateException e) {
      LOG.warn("{}: the checker's subscriber did not stop cleanly: {}", name, e.toString());
    }
    if (readErrors.get() > 0) {
      LOG.info("{}: {} reads failed and were retried", name, readErrors.get());
    }
  }
}
