package io.lagline.reconciler.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.apply.EventApplier;
import io.lagline.reconciler.apply.RowWriter;
import io.lagline.reconciler.apply.WriteOutcome;
import io.lagline.reconciler.config.RetryConfig;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.metrics.ReconcilerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageHandlerTest {
  private static final Mapping MAPPING = TestMappings.DEVICES;
  private static final Instant PUBLISHED = Instant.parse("2026-11-23T06:00:00Z");
  private static final Clock CONFIRMED = Clock.fixed(PUBLISHED.plusMillis(40), ZoneOffset.UTC);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ReconcilerMetrics metrics = new ReconcilerMetrics(registry, MAPPING.eventTypes());
  private Supplier<CompletableFuture<WriteOutcome>> answer =
      () -> CompletableFuture.completedFuture(WriteOutcome.APPLIED);
  private final RowWriter writer = (row, version) -> answer.get();
  private final MessageHandler handler =
      new MessageHandler(
          new EventApplier(
              MAPPING,
              writer,
              new RetryConfig(2, Duration.ofMillis(1), Duration.ofMillis(2)),
              scheduler,
              metrics,
              8,
              Duration.ofSeconds(5)),
          metrics,
          CONFIRMED);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static PubsubMessage message(String data, Map<String, String> overrides) {
    PubsubMessage.Builder builder =
        PubsubMessage.newBuilder()
            .setMessageId("m-1")
            .setData(ByteString.copyFromUtf8(data))
            .setPublishTime(Timestamp.newBuilder().setSeconds(PUBLISHED.getEpochSecond()))
            .putAttributes("event_id", "e-1")
            .putAttributes("event_type", "DeviceSynced")
            .putAttributes("schema_version", "1")
            .putAttributes("entity_key", "device-1")
            .putAttributes("entity_version", "3")
            .putAttributes("occurred_at", "2026-11-23T05:59:00Z");
    builder.putAllAttributes(overrides);
    return builder.build();
  }

  @Test
  void acks_only_after_the_write_is_confirmed_and_records_the_lag() {
    CompletableFuture<WriteOutcome> pending = new CompletableFuture<>();
    answer = () -> pending;
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": 5}", Map.of()), reply);

    assertThat(reply.state).as("nothing answered while the write is pending").isNull();
    assertThat(metrics.inFlight()).isEqualTo(1);
    pending.complete(WriteOutcome.DUPLICATE);
    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("ack");
    assertThat(metrics.inFlight()).isZero();
    assertThat(
            registry.get("lagline.reconciler.events").tag("outcome", "duplicate").counter().count())
        .isEqualTo(1);
    assertThat(metrics.lagTimer("DeviceSynced").max(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isEqualTo(40);
  }

  @Test
  void a_write_that_keeps_failing_is_nacked_not_acked() {
    answer = () -> CompletableFuture.failedFuture(new OverloadedException(null));
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": 5}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("nack");
    assertThat(
            registry.get("lagline.reconciler.failures").tag("class", "transient").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("lagline.reconciler.events").tag("outcome", "failed").counter().count())
        .isEqualTo(1);
  }

  @Test
  void an_invalid_event_is_counted_and_nacked_without_writing() {
    answer =
        () -> {
          throw new AssertionError("must not write");
        };
    Reply reply = new Reply();

    handler.receiveMessage(message("[1]", Map.of("entity_version", "zero")), reply);

    assertThat(reply.state).isEqualTo("nack");
    assertThat(
            registry
                .get("lagline.reconciler.failures")
                .tag("reason", "invalid_event")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void a_payload_that_does_not_fit_the_mapping_is_counted_by_reason_and_nacked() {
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": \"lots\"}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("nack");
    assertThat(
            registry
                .get("lagline.reconciler.failures")
                .tag("reason", "invalid_value")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry.get("lagline.reconciler.events").tag("outcome", "invalid").counter().count())
        .isEqualTo(1);
  }

  /** Records the one reply a message gets. */
  private static final class Reply implements AckReplyConsumer {
    volatile String state;

    @Override
    public void ack() {
      reply("ack");
    }

    @Override
    public void nack() {
      reply("nack");
    }

    private synchronized void reply(String value) {
      if (state != null) {
        throw new AssertionError("replied twice: " + state + " then " + value);
      }
      state = value;
    }
  }
}
