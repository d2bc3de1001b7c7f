package io.lagline.reconciler.known;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.metrics.PrometheusText;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.apply.RowResult;
import io.lagline.reconciler.apply.RowWriter;
import io.lagline.reconciler.apply.WriteOutcome;
import io.lagline.reconciler.config.VersionCacheConfig;
import io.lagline.reconciler.mapping.BoundRow;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class KnownVersionsWriterTest {
  private final ScriptedWriter cassandra = new ScriptedWriter();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final KnownVersionsWriter writer =
      new KnownVersionsWriter(
          cassandra,
          KnownVersions.of(VersionCacheConfig.defaults()),
          new VersionCacheMetrics(registry, TestMappings.DEVICES));

  @Test
  void a_redelivered_event_is_answered_without_asking_cassandra() throws Exception {
    List<BoundRow> rows = rows("device-1", 5);
    cassandra.answers(
        new RowResult(WriteOutcome.APPLIED, 5), new RowResult(WriteOutcome.APPLIED, 5));
    for (BoundRow row : rows) {
      assertThat(join(writer.writeAndReport(row, 5)).outcome()).isEqualTo(WriteOutcome.APPLIED);
    }

    for (BoundRow row : rows("device-1", 5)) {
      assertThat(join(writer.writeAndReport(row, 5)))
          .isEqualTo(new RowResult(WriteOutcome.DUPLICATE, 5));
    }

    assertThat(cassandra.asked).hasSize(2);
    PrometheusText page = PrometheusText.parse(registry.scrape());
    assertThat(page.sum("lagline_reconciler_version_cache_answers_total")).isEqualTo(2);
    assertThat(
            page.sum(
                "lagline_reconciler_version_cache_answers_total",
                "table=\"sync_history\",outcome=\"duplicate\""))
        .isEqualTo(1);
    assertThat(page.sum("lagline_reconciler_version_cache_hit_ratio")).isEqualTo(0.5);
    assertThat(page.sum("lagline_reconciler_version_cache_entries")).isEqualTo(2);
  }

  @Test
  void a_newer_event_still_goes_to_cassandra_and_its_answer_is_learned() throws Exception {
    BoundRow state = rows("device-2", 5).get(0);
    cassandra.answers(new RowResult(WriteOutcome.APPLIED, 5), new RowResult(WriteOutcome.STALE, 9));
    join(writer.writeAndReport(state, 5));

    BoundRow newer = rows("device-2", 7).get(0);
    assertThat(join(writer.writeAndReport(newer, 7)))
        .as("Cassandra's answer: another writer already stored 9")
        .isEqualTo(new RowResult(WriteOutcome.STALE, 9));
    assertThat(join(writer.writeAndReport(rows("device-2", 8).get(0), 8)))
        .isEqualTo(new RowResult(WriteOutcome.STALE, 9));

    assertThat(cassandra.asked).hasSize(2);
  }

  @Test
  void a_failed_write_teaches_nothing_so_its_retry_asks_again() throws Exception {
    BoundRow state = rows("device-3", 5).get(0);
    cassandra.fails(new IllegalStateException("write timeout"));
    assertThatThrownBy(() -> join(writer.writeAndReport(state, 5)))
        .hasCauseInstanceOf(IllegalStateException.class);

    cassandra.answers(new RowResult(WriteOutcome.DUPLICATE, 5));
    assertThat(join(writer.writeAndReport(state, 5)))
        .as("the timed-out attempt had landed: Cassandra says so, not the cache")
        .isEqualTo(new RowResult(WriteOutcome.DUPLICATE, 5));

    assertThat(cassandra.asked).hasSize(2);
  }

  @Test
  void a_forgotten_row_is_asked_about_again_and_its_fresh_answer_replaces_the_old()
      throws Exception {
    BoundRow state = rows("device-5", 5).get(0);
    cassandra.answers(new RowResult(WriteOutcome.APPLIED, 5));
    join(writer.writeAndReport(state, 5));

    writer.forget(state); // the row was deleted by hand and the auditor republished the event
    cassandra.answers(new RowResult(WriteOutcome.APPLIED, 5));

    assertThat(join(writer.writeAndReport(state, 5)).outcome()).isEqualTo(WriteOutcome.APPLIED);
    assertThat(cassandra.asked).hasSize(2);
  }

  @Test
  void with_the_cache_off_every_write_asks_cassandra() throws Exception {
    KnownVersionsWriter off =
        new KnownVersionsWriter(
            cassandra,
            KnownVersions.of(new VersionCacheConfig(0, Duration.ofMinutes(1))),
            new VersionCacheMetrics(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), TestMappings.DEVICES));
    BoundRow state = rows("device-4", 5).get(0);
    cassandra.answers(
        new RowResult(WriteOutcome.APPLIED, 5), new RowResult(WriteOutcome.DUPLICATE, 5));

    join(off.writeAndReport(state, 5));
    join(off.writeAndReport(state, 5));

    assertThat(cassandra.asked).hasSize(2);
  }

  private static RowResult join(CompletionStage<RowResult> stage) {
    return stage.toCompletableFuture().join();
  }

  private static List<BoundRow> rows(String device, long version) throws Exception {
    Event event =
        new Event(
            "e-" + device + "-" + version,
            "DeviceSynced",
            1,
            device,
            version,
            Instant.parse("2026-11-23T06:00:00Z"),
            (ObjectNode) EventCodec.json().readTree("{\"steps\": 1}"));
    return TestMappings.DEVICES.bind(event, event.attributes());
  }

  /** Cassandra's answers, in order; records each row it was asked to write. */
  private static final class ScriptedWriter implements RowWriter {
    final List<BoundRow> asked = new ArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();

    void answers(RowResult... results) {
      script.addAll(List.of(results));
    }

    void fails(RuntimeException error) {
      script.add(error);
    }

    @Override
    public CompletionStage<WriteOutcome> write(BoundRow row, long version) {
      return writeAndReport(row, version).thenApply(RowResult::outcome);
    }

    @Override
    public CompletionStage<RowResult> writeAndReport(BoundRow row, long version) {
      asked.add(row);
      Object next = script.removeFirst();
      return next instanceof RuntimeException e
          ? CompletableFuture.failedFuture(e)
          : CompletableFuture.completedFuture((RowResult) next);
    }
  }
}
