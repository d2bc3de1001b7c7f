package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.audit.AuditSubscriber;
import io.lagline.reconciler.config.OutageConfig;
import io.lagline.reconciler.config.RetryConfig;
import io.lagline.reconciler.config.WriteConcurrency;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingException;
import io.lagline.reconciler.outage.OutageGuard;
import io.lagline.reconciler.outage.RetryBudgetExhaustedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventApplierTest {
  private static final Mapping MAPPING = TestMappings.DEVICES;

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WriteMetrics metrics = new WriteMetrics(registry, MAPPING);
  private final ScriptedWriter writer = new ScriptedWriter();
  private final OutageGuard guard =
      new OutageGuard(
          new OutageConfig(80, 20, Duration.ofSeconds(10), Duration.ofMillis(100)),
          scheduler,
          () -> CompletableFuture.completedFuture(null),
          paused -> {});
  private final EventApplier applier =
      new EventApplier(
          MAPPING,
          writer,
          new WritePolicy(
              new RetryConfig(4, Duration.ofMillis(1), Duration.ofMillis(5)),
              new WriteConcurrency(WriteConcurrency.Mode.FIXED, 16, 16),
              Duration.ofMillis(500),
              true),
          guard,
          scheduler,
          metrics);

  private final Set<Meter.Id> startUpSeries = series();

  @AfterEach
  void stop() {
    guard.close();
    scheduler.shutdownNow();
  }

  @AfterEach
  void every_series_counted_existed_at_start_up() {
    assertThat(series())
        .as("series created after start-up: register them at zero in WriteMetrics")
        .isEqualTo(startUpSeries);
  }

  private Set<Meter.Id> series() {
    return registry.getMeters().stream().map(Meter::getId).collect(Collectors.toSet());
  }

  private double retries(String errorClass) {
    return registry.find("lagline.reconciler.retries").tag("class", errorClass).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private static Event event(String payload) throws Exception {
    return new Event(
        "e-1",
        "DeviceSynced",
        1,
        "device-1",
        7,
        Instant.parse("2026-11-23T06:00:00Z"),
        (com.fasterxml.jackson.databind.node.ObjectNode) EventCodec.json().readTree(payload));
  }

  private EventResult apply(Event event) throws Exception {
    return applier
        .apply(event, event.attributes(), System.nanoTime() + TimeUnit.MINUTES.toNanos(1))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void writes_every_mapped_row_and_counts_the_event_by_its_primary_write() throws Exception {
    writer.answer("device_state", CompletableFuture.completedFuture(WriteOutcome.STALE));
    writer.answer("sync_history", CompletableFuture.completedFuture(WriteOutcome.APPLIED));

    EventResult result = apply(event("{\"steps\": 5}"));

    assertThat(result.outcome()).isEqualTo(WriteOutcome.STALE);
    assertThat(result.rows()).containsExactly(WriteOutcome.STALE, WriteOutcome.APPLIED);
    assertThat(writer.calls)
        .extracting(BoundRow::table)
        .containsExactlyInAnyOrder("device_state", "sync_history");
    assertThat(writer.versions).containsOnly(7L);
  }

  @Test
  void an_audit_repair_makes_the_writer_forget_its_rows_before_writing_them() throws Exception {
    writer.answer("device_state", CompletableFuture.completedFuture(WriteOutcome.APPLIED));
    writer.answer("sync_history", CompletableFuture.completedFuture(WriteOutcome.DUPLICATE));
    Event event = event("{\"steps\": 5}");
    Map<String, String> attributes = new HashMap<>(event.attributes());
    attributes.put(AuditSubscriber.REPAIR_OF, "m-41");

    EventResult result =
        applier
            .apply(event, attributes, System.nanoTime() + TimeUnit.MINUTES.toNanos(1))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);

    assertThat(result.outcome()).isEqualTo(WriteOutcome.APPLIED);
    assertThat(writer.forgotten).containsExactly("device_state", "sync_history");
    assertThat(writer.calls).hasSize(2);
  }

  @Test
  void an_ordinary_delivery_forgets_nothing() throws Exception {
    writer.answers.add(CompletableFuture.completedFuture(WriteOutcome.APPLIED));
    writer.answers.add(CompletableFuture.completedFuture(WriteOutcome.APPLIED));

    apply(event("{\"steps\": 5}"));

    assertThat(writer.forgotten).isEmpty();
  }

  @Test
  void retries_transient_failures_until_a_confirmed_answer() throws Exception {
    writer.answers.add(CompletableFuture.failedFuture(new OverloadedException(null)));
    writer.answers.add(CompletableFuture.completedFuture(WriteOutcome.APPLIED));
    writer.answers.add(CompletableFuture.completedFuture(WriteOutcome.APPLIED));

    EventResult result = apply(event("{\"steps\": 5}"));

    assertThat(result.outcome()).isEqualTo(WriteOutcome.APPLIED);
    assertThat(retries("transient")).isEqualTo(1);
  }

  @Test
  void an_ambiguous_write_that_turns_out_to_have_landed_counts_as_applied_once() throws Exception {
    writer.answer(
        "device_state",
        CompletableFuture.failedFuture(
            new CASWriteUnknownException(null, DefaultConsistencyLevel.SERIAL, 0, 1)));
    writer.answer("sync_history", CompletableFuture.completedFuture(WriteOutcome.APPLIED));
    writer.answer(
        "device_state", CompletableFuture.completedFuture(WriteOutcome.DUPLICATE)); // re-issued

    EventResult result = apply(event("{\"steps\": 5}"));

    assertThat(result.rows()).containsExactly(WriteOutcome.APPLIED, WriteOutcome.APPLIED);
    assertThat(retries("ambiguous")).isEqualTo(1);
  }

  @Test
  void a_write_whose_connection_closed_under_it_and_that_had_landed_counts_as_applied_once()
      throws Exception {
    // on a cluster, a coordinator's connection reset with the LWT on the wire: it may have run it
    writer.answer(
        "device_state",
        CompletableFuture.failedFuture(new ClosedConnectionException("connection reset")));
    writer.answer("sync_history", CompletableFuture.completedFuture(WriteOutcome.APPLIED));
    writer.answer(
        "device_state", CompletableFuture.completedFuture(WriteOutcome.DUPLICATE)); // re-issued

    EventResult result = apply(event("{\"steps\": 5}"));

    assertThat(result.rows()).containsExactly(WriteOutcome.APPLIED, WriteOutcome.APPLIED);
    assertThat(retries("ambiguous")).isEqualTo(1);
    assertThat(retries("transient")).isZero();
  }

  @Test
  void gives_up_after_the_configured_attempts_and_fails_the_event() {
    for (int i = 0; i < 8; i++) {
      writer.answers.add(CompletableFuture.failedFuture(new OverloadedException(null)));
    }

    assertThatThrownBy(() -> apply(event("{\"steps\": 5}")))
        .hasRootCauseInstanceOf(OverloadedException.class);
  }

  @Test
  void an_event_that_does_not_fit_the_mapping_fails_at_once_without_writing() {
    assertThatThrownBy(() -> apply(event("{\"steps\": \"many\"}")))
        .hasCauseInstanceOf(MappingException.class)
        .hasMessageContaining("payload.steps");
    assertThat(writer.calls).isEmpty();
  }

  @Test
  void a_write_that_never_answers_times_out_and_is_reissued() throws Exception {
    writer.answer("device_state", new CompletableFuture<>()); // hangs forever
    writer.answer("sync_history", CompletableFuture.completedFuture(WriteOutcome.APPLIED));
    writer.answer(
        "device_state", CompletableFuture.completedFuture(WriteOutcome.DUPLICATE)); // re-issued

    EventResult result = apply(event("{\"steps\": 5}"));

    assertThat(result.rows()).containsExactly(WriteOutcome.APPLIED, WriteOutcome.APPLIED);
    assertThat(retries("ambiguous")).isEqualTo(1);
  }

  @Test
  void stops_retrying_when_the_message_budget_is_spent() throws Exception {
    for (int i = 0; i < 8; i++) {
      writer.answers.add(CompletableFuture.failedFuture(new OverloadedException(null)));
    }
    Event event = event("{\"steps\": 5}");

    CompletableFuture<EventResult> result =
        applier.apply(event, event.attributes(), System.nanoTime()).toCompletableFuture();

    assertThat(result)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(RetryBudgetExhaustedException.class);
    assertThat(writer.calls).isEmpty();
  }

  @Test
  void waiting_out_an_outage_is_not_an_attempt() throws Exception {
    for (int i = 0; i < 20; i++) {
      guard.permit(Long.MAX_VALUE);
      guard.record(true);
    }
    assertThat(guard.paused()).isTrue();
    writer.answers.add(CompletableFuture.completedFuture(WriteOutcome.APPLIED));
    writer.answers.add(CompletableFuture.completedFuture(WriteOutcome.APPLIED));

    EventResult result = apply(event("{\"steps\": 5}"));

    assertThat(result.rows()).containsExactly(WriteOutcome.APPLIED, WriteOutcome.APPLIED);
    assertThat(guard.paused()).isFalse();
    assertThat(retries("transient") + retries("ambiguous")).isZero();
  }

  @Test
  void poison_answers_from_cassandra_do_not_pause_intake() throws Exception {
    for (int i = 0; i < 30; i++) {
      writer.answers.add(
          CompletableFuture.failedFuture(new UnversionedRowException("device_state", "v")));
      writer.answers.add(CompletableFuture.completedFuture(WriteOutcome.APPLIED));
      Event event = event("{\"steps\": 5}");
      applier
          .apply(event, event.attributes(), System.nanoTime() + TimeUnit.MINUTES.toNanos(1))
          .toCompletableFuture()
          .handle((r, e) -> e)
          .get(10, TimeUnit.SECONDS);
    }

    assertThat(guard.paused()).isFalse();
  }

  /**
   * Answers writes from a script: a table's own answers first, in call order (the order of writes
   * to different tables, and of a retry against another table's write, is the scheduler's), then
   * the shared ones.
   */
  private static final class ScriptedWriter implements RowWriter {
    final Deque<CompletableFuture<WriteOutcome>> answers = new ArrayDeque<>();
    final Map<String, Deque<CompletableFuture<WriteOutcome>>> byTable = new HashMap<>();
    final List<BoundRow> calls = new ArrayList<>();
    final List<Long> versions = new ArrayList<>();
    final List<String> forgotten = new ArrayList<>();

    synchronized void answer(String table, CompletableFuture<WriteOutcome> answer) {
      byTable.computeIfAbsent(table, t -> new ArrayDeque<>()).add(answer);
    }

    @Override
    public synchronized void forget(BoundRow row) {
      forgotten.add(row.table());
    }

    @Override
    public synchronized CompletionStage<WriteOutcome> write(BoundRow row, long version) {
      calls.add(row);
      versions.add(version);
      Deque<CompletableFuture<WriteOutcome>> own = byTable.get(row.table());
      CompletableFuture<WriteOutcome> answer =
          own != null && !own.isEmpty() ? own.poll() : answers.poll();
      return answer == null
          ? CompletableFuture.failedFuture(new IllegalStateException("no scripted answer"))
          : answer;
    }
  }
}
