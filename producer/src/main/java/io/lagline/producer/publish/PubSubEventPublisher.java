package io.lagline.producer.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.config.Durations;
import io.lagline.contract.Contracts;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.event.InvalidEventException;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.PubSubConnectionException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link EventPublisher} over the Pub/Sub client's {@link Publisher}, configured from {@link
 * PublisherSettings}: bounded flow control, size-based batches, a bounded publish timeout, and
 * ordering only when asked for. It validates before publishing (the envelope, the size and, when
 * given {@link Contracts}, the payload against its schema), records {@link PublishMetrics}, and
 * bounds {@link #close()}, which the client's own {@code shutdown()} does not.
 */
public final class PubSubEventPublisher implements EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(PubSubEventPublisher.class);
  private static final String EVENT_ID_MDC = "event_id";
  private static final String MESSAGE_ID_MDC = "message_id";

  private final TopicPath topic;
  private final PublisherSettings settings;
  private final PublishMetrics metrics;
  private final PublisherClient client;
  private final Optional<Contracts> contracts;
  private final Map<CompletableFuture<PublishReceipt>, InFlight> pending =
      new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  PubSubEventPublisher(
      TopicPath topic, PublisherSettings settings, PublishMetrics metrics, PublisherClient client) {
    this(topic, settings, metrics, client, Optional.empty());
  }

  PubSubEventPublisher(
      TopicPath topic,
      PublisherSettings settings,
      PublishMetrics metrics,
      PublisherClient client,
      Optional<Contracts> contracts) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.client = Objects.requireNonNull(client, "client");
    this.contracts = Objects.requireNonNull(contracts, "contracts");
  }

  /**
   * A publisher to {@code topic} over {@code connection}, which the caller keeps and closes after
   * this.
   *
   * @throws PubSubConnectionException when the client cannot be created
   */
  public static PubSubEventPublisher create(
      TopicPath topic,
      PubSubConnection connection,
      PublisherSettings settings,
      PublishMetrics metrics) {
    return create(topic, connection, settings, metrics, Optional.empty());
  }

  /**
   * As {@link #create(TopicPath, PubSubConnection, PublisherSettings, PublishMetrics)}, and every
   * payload is checked against its schema in {@code contracts}, when given, before it is published.
   */
  public static PubSubEventPublisher create(
      TopicPath topic,
      PubSubConnection connection,
      PublisherSettings settings,
      PublishMetrics metrics,
      Optional<Contracts> contracts) {
    Publisher.Builder builder =
        Publisher.newBuilder(topic.toString())
            .setBatchingSettings(GaxSettings.batching(settings))
            .setRetrySettings(GaxSettings.retry(settings))
            .setEnableMessageOrdering(settings.ordering());
    try {
      Publisher publisher = connection.configure(builder).build();
      LOG.info(
          "Publishing to {} on {} with {}, payload schemas {}",
          topic,
          connection.target(),
          settings,
          contracts.map(Contracts::source).orElse("not checked by the publisher"));
      return new PubSubEventPublisher(
          topic, settings, metrics, PublisherClient.of(publisher), contracts);
    } catch (IOException e) {
      throw new PubSubConnectionException(
          connection.target(),
          "cannot create a publisher for "
              + topic
              + " on "
              + connection.target()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The topic published to. */
  public TopicPath topic() {
    return topic;
  }

  /** Publishes handed to the client and not yet confirmed or failed. */
  public int outstanding() {
    return pending.size();
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(JsonNode command) {
    Event event;
    try {
      event = EventCodec.fromCommand(command);
    } catch (InvalidEventException e) {
      boolean badType =
          e.violations().stream().anyMatch(v -> v.field().equals(Attributes.EVENT_TYPE));
      metrics.rejected(eventTypeOf(command, badType));
      throw e;
    }
    return publish(event);
  }

  @Override
  public CompletableFuture<PublishReceipt> publish(Event event) {
    Objects.requireNonNull(event, "event");
    if (closed.get()) {
      throw new IllegalStateException("the publisher for " + topic + " is closed");
    }
    byte[] data;
    try {
      data = EventCodec.data(event);
      contracts.ifPresent(c -> c.check(event));
    } catch (InvalidEventException e) {
      // refused here: Pub/Sub would only time out on a large one; a reader would park a bad payload
      metrics.rejected(event.eventType());
      throw e;
    }
    PubsubMessage.Builder message =
        PubsubMessage.newBuilder()
            .putAllAttributes(event.attributes())
            .setData(ByteString.copyFrom(data));
    if (settings.ordering()) {
      message.setOrderingKey(event.entityKey());
    }
    CompletableFuture<PublishReceipt> result = new CompletableFuture<>();
    pending.put(result, new InFlight(event, System.nanoTime()));
    metrics.started();
    ApiFuture<String> sent;
    try {
      sent = client.publish(message.build());
    } catch (RuntimeException e) {
      failed(result, e, closed.get() ? PublishFailure.SHUT_DOWN : PublishFailure.classify(e));
      return result;
    }
    ApiFutures.addCallback(
        sent,
        new ApiFutureCallback<>() {
          @Override
          public void onSuccess(String messageId) {
            confirmed(result, messageId);
          }

          @Override
          public void onFailure(Throwable t) {
            if (settings.ordering()) {
              // the client holds back every later message with this key until told to resume
              client.resumePublish(event.entityKey());
            }
            failed(result, t, PublishFailure.classify(t));
          }
        },
        MoreExecutors.directExecutor());
    return result;
  }

  private void confirmed(CompletableFuture<PublishReceipt> result, String messageId) {
    InFlight inFlight = pending.remove(result);
    if (inFlight == null) {
      return; // already failed by close()
    }
    Event event = inFlight.event();
    metrics.confirmed(event.eventType(), System.nanoTime() - inFlight.startNanos());
    if (LOG.isDebugEnabled()) {
      MDC.put(EVENT_ID_MDC, event.eventId());
      MDC.put(MESSAGE_ID_MDC, messageId);
      try {
        LOG.debug("Published event {} as message {}", event.eventId(), messageId);
      } finally {
        MDC.remove(EVENT_ID_MDC);
        MDC.remove(MESSAGE_ID_MDC);
      }
    }
    result.complete(new PublishReceipt(event.eventId(), messageId));
  }

  private void failed(
      CompletableFuture<PublishReceipt> result, Throwable cause, PublishFailure failure) {
    InFlight inFlight = pending.remove(result);
    if (inFlight == null) {
      return; // already failed by close()
    }
    Event event = inFlight.event();
    metrics.failed(event.eventType(), System.nanoTime() - inFlight.startNanos());
    if (LOG.isDebugEnabled()) {
      MDC.put(EVENT_ID_MDC, event.eventId());
      try {
        LOG.debug("Publish of event {} failed ({})", event.eventId(), failure, cause);
      } finally {
        MDC.remove(EVENT_ID_MDC);
      }
    }
    result.completeExceptionally(
        new PublishFailedException(event.eventId(), event.entityKey(), topic, failure, cause));
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Duration timeout = settings.shutdownTimeout();
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean flushed = shutdownWithin(timeout);
    boolean terminated = false;
    if (flushed) {
      try {
        terminated =
            client.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<CompletableFuture<PublishReceipt>> unconfirmed = List.copyOf(pending.keySet());
    if (!unconfirmed.isEmpty()) {
      LOG.warn(
          "Closed the publisher for {} after {} with {} publishes unconfirmed: they may or may not have been"
              + " published; raise {} to wait longer",
          topic,
          Durations.format(timeout),
          unconfirmed.size(),
          PublisherKey.SHUTDOWN_TIMEOUT.path(PublisherSettings.DEFAULT_PREFIX));
      IllegalStateException cause =
          new IllegalStateException("unconfirmed when the publisher closed");
      unconfirmed.forEach(future -> failed(future, cause, PublishFailure.SHUT_DOWN));
    } else if (!terminated) {
      LOG.debug(
          "The client for {} did not stop its threads within {}", topic, Durations.format(timeout));
    }
  }

  /**
   * Runs the client's unbounded {@code shutdown()} on its own thread and waits for it at most
   * {@code timeout}.
   */
  private boolean shutdownWithin(Duration timeout) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                client.shutdown();
                done.complete(null);
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              }
            },
            "lagline-publisher-shutdown");
    thread.setDaemon(true);
    thread.start();
    try {
      done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      LOG.warn("Shutting down the client for {} failed: {}", topic, e.getCause().toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** An event handed to the client, and when. */
  private record InFlight(Event event, long startNanos) {}

  private static String eventTypeOf(JsonNode command, boolean eventTypeInvalid) {
    JsonNode type = command == null ? null : command.get(Attributes.EVENT_TYPE);
    return eventTypeInvalid || type == null || !type.isTextual()
        ? PublishMetrics.INVALID_EVENT_TYPE
        : type.asText();
  }
}
