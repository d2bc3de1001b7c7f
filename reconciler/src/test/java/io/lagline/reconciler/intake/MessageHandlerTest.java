package io.lagline.reconciler.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.Status;
import io.lagline.contract.Contracts;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.apply.EventApplier;
import io.lagline.reconciler.apply.RowWriter;
import io.lagline.reconciler.apply.WriteMetrics;
import io.lagline.reconciler.apply.WriteOutcome;
import io.lagline.reconciler.apply.WritePolicy;
import io.lagline.reconciler.config.OutageConfig;
import io.lagline.reconciler.config.RetryConfig;
import io.lagline.reconciler.config.WatermarkConfig;
import io.lagline.reconciler.config.WriteConcurrency;
import io.lagline.reconciler.deadletter.DeadLetterMetrics;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.outage.OutageGuard;
import io.lagline.reconciler.watermark.WatermarkMetrics;
import io.lagline.reconciler.watermark.Watermarks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageHandlerTest {
  private static final Mapping MAPPING = TestMappings.DEVICES.withHeartbeat();
  private static final Instant PUBLISHED = Instant.parse("2026-11-23T06:00:00Z");
  private static final Clock CONFIRMED = Clock.fixed(PUBLISHED.plusMillis(40), ZoneOffset.UTC);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MessageMetrics metrics = new MessageMetrics(registry, MAPPING.eventTypes());
  private final WriteMetrics writeMetrics = new WriteMetrics(registry, MAPPING);
  private final DeadLetterMetrics deadLetterMetrics = new DeadLetterMetrics(registry);
  private final Set<Meter.Id> startUpSeries = series();
  private Supplier<CompletableFuture<WriteOutcome>> answer =
      () -> CompletableFuture.completedFuture(WriteOutcome.APPLIED);
  private final AtomicInteger writes = new AtomicInteger();
  private final RowWriter writer =
      (row, version) -> {
        writes.incrementAndGet();
        return answer.get();
      };
  private final OutageGuard guard =
      new OutageGuard(
          new OutageConfig(80, 20, Duration.ofSeconds(10), Duration.ofMillis(100)),
          scheduler,
          () -> CompletableFuture.completedFuture(null),
          paused -> {});
  private final FakeDeadLetterSink deadLetters = new FakeDeadLetterSink();
  private final FakeNotifier notifier = new FakeNotifier();
  private final Watermarks watermarks =
      new Watermarks(
          CONFIRMED,
          new WatermarkConfig(10, Duration.ofMinutes(15)),
          new WatermarkMetrics(registry));
  private final MessageHandler handler = handler(Duration.ofMinutes(10));

  private MessageHandler handler(Duration maxAckExtension) {
    return handler(maxAckExtension, Optional.empty());
  }

  private MessageHandler handler(Duration maxAckExtension, Optional<Contracts> contracts) {
    EventApplier applier =
        new EventApplier(
            MAPPING,
            writer,
            new WritePolicy(
                new RetryConfig(2, Duration.ofMillis(1), Duration.ofMillis(2)),
                new WriteConcurrency(WriteConcurrency.Mode.FIXED, 8, 8),
                Duration.ofSeconds(5),
                true),
            guard,
            scheduler,
            writeMetrics);
    return new MessageHandler(
        applier,
        notifier,
        deadLetters,
        metrics,
        deadLetterMetrics,
        CONFIRMED,
        watermarks,
        maxAckExtension,
        contracts);
  }

  @AfterEach
  void stop() {
    guard.close();
    scheduler.shutdownNow();
  }

  @AfterEach
  void every_series_counted_existed_at_start_up() {
    Set<Meter.Id> created = series();
    created.removeAll(startUpSeries);

    assertThat(created)
        .as("series created after start-up: register them at zero in their binder")
        .allMatch(id -> id.getName().equals("lagline.reconciler.watermark.lag"));
  }

  private Set<Meter.Id> series() {
    return registry.getMeters().stream().map(Meter::getId).collect(Collectors.toSet());
  }

  /** The count of every series of {@code name} with {@code tag=value}, summed. */
  private double count(String name, String tag, String value) {
    return registry.find(name).tag(tag, value).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
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
    assertThat(count("lagline.reconciler.events", "outcome", "duplicate")).isEqualTo(1);
    assertThat(metrics.lagTimer("DeviceSynced").max(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isEqualTo(40);
  }

  @Test
  void a_durable_heartbeat_moves_its_producers_watermark_and_other_events_do_not() {
    Reply heartbeat = new Reply();
    Reply event = new Reply();

    handler.receiveMessage(message("{\"steps\": 5}", Map.of()), event);
    handler.receiveMessage(
        message(
            "{\"interval_ms\": 10000}",
            Map.of("event_type", "lagline.heartbeat", "entity_key", "producer-1")),
        heartbeat);

    await().until(() -> heartbeat.state != null && event.state != null);
    assertThat(heartbeat.state).isEqualTo("ack");
    assertThat(watermarks.size()).isEqualTo(1);
    assertThat(watermarks.lag("producer-1")).contains(Duration.ofMillis(40));
  }

  @Test
  void a_heartbeat_that_is_not_written_leaves_the_watermark_alone() {
    answer = () -> CompletableFuture.failedFuture(new OverloadedException(null));
    Reply reply = new Reply();

    handler.receiveMessage(
        message("{}", Map.of("event_type", "lagline.heartbeat", "entity_key", "producer-1")),
        reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("nack");
    assertThat(watermarks.size()).isZero();
  }

  @Test
  void a_write_that_keeps_failing_is_nacked_not_acked() {
    answer = () -> CompletableFuture.failedFuture(new OverloadedException(null));
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": 5}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("nack");
    assertThat(count("lagline.reconciler.failures", "class", "transient")).isEqualTo(1);
    assertThat(count("lagline.reconciler.events", "outcome", "failed")).isEqualTo(1);
  }

  @Test
  void an_invalid_event_is_dead_lettered_with_its_reason_then_acked_without_writing() {
    Reply reply = new Reply();
    PubsubMessage poison = message("[1]", Map.of("entity_version", "zero"));

    handler.receiveMessage(poison, reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("ack");
    assertThat(writes).hasValue(0);
    assertThat(deadLetters.parked).hasSize(1);
    FakeDeadLetterSink.Parked parked = deadLetters.parked.get(0);
    assertThat(parked.message()).isSameAs(poison);
    assertThat(parked.reason()).isEqualTo("invalid_attribute");
    assertThat(parked.detail()).contains("entity_version").contains("data");
    assertThat(parked.firstSeen()).isEqualTo(CONFIRMED.instant());
    assertThat(count("lagline.reconciler.dead.letters", "reason", "invalid_attribute"))
        .isEqualTo(1);
    assertThat(count("lagline.reconciler.events", "outcome", "dead_lettered")).isEqualTo(1);
  }

  @Test
  void a_payload_that_does_not_fit_the_mapping_is_dead_lettered_by_reason() {
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": \"lots\"}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("ack");
    assertThat(deadLetters.parked)
        .extracting(FakeDeadLetterSink.Parked::reason)
        .containsExactly("invalid_value");
    assertThat(deadLetters.parked.get(0).detail()).contains("payload.steps");
    assertThat(count("lagline.reconciler.failures", "reason", "invalid_value")).isEqualTo(1);
  }

  @Test
  void a_payload_that_breaks_its_schema_is_dead_lettered_with_every_pointer_without_writing() {
    MessageHandler checking = handler(Duration.ofMinutes(10), Optional.of(Contracts.bundled()));
    Reply reply = new Reply();

    checking.receiveMessage(message("{\"steps\": \"lots\"}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("ack");
    assertThat(writes).hasValue(0);
    assertThat(deadLetters.parked)
        .extracting(FakeDeadLetterSink.Parked::reason)
        .containsExactly("schema_violation");
    assertThat(deadLetters.parked.get(0).detail())
        .startsWith("DeviceSynced v1 breaks its contract: ")
        .contains("/steps: ")
        .contains("/heart_rate: ");
    assertThat(count("lagline.reconciler.dead.letters", "reason", "schema_violation")).isEqualTo(1);
  }

  @Test
  void a_payload_that_keeps_its_schema_is_written() {
    MessageHandler checking = handler(Duration.ofMinutes(10), Optional.of(Contracts.bundled()));
    Reply reply = new Reply();

    checking.receiveMessage(message("{\"steps\": 1, \"heart_rate\": 60}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("ack");
    assertThat(deadLetters.parked).isEmpty();
    assertThat(writes.get()).isPositive();
  }

  @Test
  void an_unknown_event_type_is_dead_lettered_not_retried() {
    Reply reply = new Reply();

    handler.receiveMessage(
        message("{\"steps\": 1}", Map.of("event_type", "DeviceExploded")), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("ack");
    assertThat(deadLetters.parked)
        .extracting(FakeDeadLetterSink.Parked::reason)
        .containsExactly("unknown_event_type");
    assertThat(count("lagline.reconciler.events", "event_type", "unknown")).isEqualTo(1);
  }

  @Test
  void a_poison_message_is_acked_only_once_the_dead_letter_topic_has_it() {
    CompletableFuture<String> publish = new CompletableFuture<>();
    deadLetters.answer = () -> publish;
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": \"lots\"}", Map.of()), reply);

    await().until(() -> deadLetters.parked.size() == 1);
    assertThat(reply.state).isNull();
    publish.complete("dlq-7");
    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("ack");
  }

  @Test
  void poison_a_rebuild_meets_again_is_acked_without_counting_a_second_dead_letter() {
    deadLetters.parks = false;
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": \"lots\"}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("ack");
    assertThat(deadLetters.parked).as("handed to the counting sink").hasSize(1);
    assertThat(count("lagline.reconciler.dead.letters", "reason", "invalid_value")).isZero();
    assertThat(count("lagline.reconciler.events", "outcome", "dead_lettered")).isZero();
  }

  @Test
  void a_poison_message_that_cannot_be_dead_lettered_is_nacked_never_acked() {
    deadLetters.answer =
        () ->
            CompletableFuture.failedFuture(
                ApiExceptionFactory.createException(
                    new RuntimeException("down"),
                    GrpcStatusCode.of(Status.Code.UNAVAILABLE),
                    true));
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": \"lots\"}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("nack");
    assertThat(count("lagline.reconciler.failures", "reason", "dead_letter_publish")).isEqualTo(1);
    assertThat(count("lagline.reconciler.dead.letters", "reason", "invalid_value")).isZero();
  }

  @Test
  void a_message_whose_retries_outlast_its_lease_budget_is_nacked() {
    answer = () -> CompletableFuture.failedFuture(new OverloadedException(null));
    MessageHandler shortLease = handler(Duration.ofMillis(1));
    Reply reply = new Reply();

    shortLease.receiveMessage(message("{\"steps\": 5}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("nack");
    assertThat(deadLetters.parked).isEmpty();
  }

  @Test
  void draining_waits_for_writes_in_flight_and_acks_them() throws Exception {
    CompletableFuture<WriteOutcome> pending = new CompletableFuture<>();
    answer = () -> pending;
    Reply reply = new Reply();
    handler.receiveMessage(message("{\"steps\": 5}", Map.of()), reply);
    scheduler.schedule(() -> pending.complete(WriteOutcome.APPLIED), 100, TimeUnit.MILLISECONDS);

    int nacked = handler.drain(Duration.ofSeconds(10));

    assertThat(nacked).isZero();
    assertThat(reply.state).isEqualTo("ack");
  }

  @Test
  void draining_nacks_what_is_not_finished_in_time_and_refuses_new_messages() throws Exception {
    answer = CompletableFuture::new; // never answers
    Reply slow = new Reply();
    handler.receiveMessage(message("{\"steps\": 5}", Map.of()), slow);

    int nacked = handler.drain(Duration.ofMillis(100));

    assertThat(nacked).isEqualTo(1);
    assertThat(slow.state).isEqualTo("nack");
    assertThat(metrics.inFlight()).isZero();
    Reply late = new Reply();
    int before = writes.get();
    handler.receiveMessage(message("{\"steps\": 6}", Map.of("event_id", "e-2")), late);
    assertThat(late.state).isEqualTo("nack");
    assertThat(writes).hasValue(before);
  }

  @Test
  void acks_only_after_the_notification_is_confirmed_and_tells_it_what_cassandra_holds() {
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    notifier.answer = () -> confirmed;
    answer = () -> CompletableFuture.completedFuture(WriteOutcome.APPLIED);
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": 5}", Map.of()), reply);

    await().until(() -> notifier.notified.size() == 1);
    assertThat(reply.state).as("written but not yet notified: not acked").isNull();
    FakeNotifier.Notified notified = notifier.notified.get(0);
    assertThat(notified.event().eventId()).isEqualTo("e-1");
    assertThat(notified.result().outcome()).isEqualTo(WriteOutcome.APPLIED);
    assertThat(notified.result().heldVersion()).isEqualTo(3);
    assertThat(notified.result().tables()).containsExactly("device_state", "sync_history");
    assertThat(notified.durableAt()).isEqualTo(CONFIRMED.instant());
    confirmed.complete(null);
    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("ack");
    assertThat(count("lagline.reconciler.events", "outcome", "applied")).isEqualTo(1);
  }

  @Test
  void a_notification_that_cannot_be_published_nacks_the_written_event_never_dead_letters_it() {
    notifier.answer =
        () ->
            CompletableFuture.failedFuture(
                ApiExceptionFactory.createException(
                    new RuntimeException("down"),
                    GrpcStatusCode.of(Status.Code.UNAVAILABLE),
                    true));
    Reply reply = new Reply();

    handler.receiveMessage(message("{\"steps\": 5}", Map.of()), reply);

    await().until(() -> reply.state != null);
    assertThat(reply.state).isEqualTo("nack");
    assertThat(deadLetters.parked).isEmpty();
    assertThat(count("lagline.reconciler.failures", "reason", "notification_publish")).isEqualTo(1);
    assertThat(count("lagline.reconciler.events", "outcome", "failed")).isEqualTo(1);
  }

  @Test
  void heartbeats_and_poison_events_are_not_notified() {
    Reply heartbeat = new Reply();
    Reply poison = new Reply();

    handler.receiveMessage(
        message("{\"interval_ms\": 10000}", Map.of("event_type", "lagline.heartbeat")), heartbeat);
    handler.receiveMessage(message("{\"steps\": \"lots\"}", Map.of("event_id", "e-2")), poison);

    await().until(() -> heartbeat.state != null && poison.state != null);
    assertThat(heartbeat.state).isEqualTo("ack");
    assertThat(poison.state).isEqualTo("ack");
    assertThat(deadLetters.parked).hasSize(1);
    assertThat(notifier.notified).isEmpty();
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
