package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.Mapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class CoalescerTest {
  private final List<Event> written = new ArrayList<>();
  private final List<CompletableFuture<EventResult>> pending = new ArrayList<>();
  private final Coalescer coalescer =
      new Coalescer(
          new KeySequencer(),
          (rows, event, deadline) -> {
            written.add(event);
            CompletableFuture<EventResult> write = new CompletableFuture<>();
            pending.add(write);
            return write;
          });

  @Test
  void versions_that_wait_behind_a_running_write_are_folded_into_the_newest() throws Exception {
    CompletableFuture<EventResult> first = submit(state("device-1", 1));
    CompletableFuture<EventResult> v3 = submit(state("device-1", 3));
    CompletableFuture<EventResult> v2 = submit(state("device-1", 2));
    CompletableFuture<EventResult> v3again = submit(state("device-1", 3));

    assertThat(written).extracting(Event::entityVersion).containsExactly(1L);
    pending.get(0).complete(applied());

    assertThat(first).isCompletedWithValue(applied());
    assertThat(written)
        .as("one write for the three waiting deliveries, with the newest version")
        .extracting(Event::entityVersion)
        .containsExactly(1L, 3L);
    assertThat(v2).isNotDone();
    pending.get(1).complete(applied());

    assertThat(v3).isCompletedWithValue(applied());
    assertThat(v2.get().outcome()).isEqualTo(WriteOutcome.SUPERSEDED);
    assertThat(v3again.get().outcome()).isEqualTo(WriteOutcome.DUPLICATE);
    assertThat(coalescer.waitingKeys()).isZero();
  }

  @Test
  void other_entities_are_not_folded() throws Exception {
    submit(state("device-1", 1));
    submit(state("device-2", 2));

    assertThat(written).extracting(Event::entityKey).containsExactly("device-1", "device-2");
  }

  @Test
  void when_the_newest_write_fails_the_folded_events_fail_transiently() throws Exception {
    submit(state("device-1", 1));
    CompletableFuture<EventResult> v2 = submit(state("device-1", 2));
    CompletableFuture<EventResult> v3 = submit(state("device-1", 3));
    pending.get(0).complete(applied());

    pending.get(1).completeExceptionally(new OverloadedException(null));

    assertThat(v3).isCompletedExceptionally();
    assertThat(v2)
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(SupersedingWriteFailedException.class);
    assertThat(ErrorClassifier.classify(v2.handle((r, e) -> e).get()).errorClass())
        .isEqualTo(ErrorClass.TRANSIENT);
  }

  @Test
  void only_events_that_write_nothing_but_upsert_if_newer_rows_coalesce() throws Exception {
    Mapping devices = TestMappings.DEVICES;
    Event synced = event("DeviceSynced", "device-1", 2, "{\"steps\": 5}");
    Event retired = event("DeviceRetired", "device-1", 3, "{}");
    Event state = state("device-1", 4);

    assertThat(Coalescer.coalescible(devices.bind(synced, synced.attributes())))
        .as("its sync_history row is insert-if-absent: it must be written itself")
        .isFalse();
    assertThat(Coalescer.coalescible(devices.bind(retired, retired.attributes()))).isFalse();
    assertThat(Coalescer.coalescible(rows(state))).isTrue();
  }

  private CompletableFuture<EventResult> submit(Event event) {
    CompletionStage<EventResult> result = coalescer.submit(event, rows(event), Long.MAX_VALUE);
    return result.toCompletableFuture();
  }

  private static List<BoundRow> rows(Event event) {
    return TestMappings.STATE_ONLY.bind(event, event.attributes());
  }

  private static EventResult applied() {
    return new EventResult(
        WriteOutcome.APPLIED, List.of(WriteOutcome.APPLIED), List.of("device_state"), 3);
  }

  private static Event state(String device, long version) throws Exception {
    return event("DeviceState", device, version, "{\"steps\": " + version + "}");
  }

  private static Event event(String type, String device, long version, String payload)
      throws Exception {
    return new Event(
        "e-" + device + "-" + version + "-" + System.nanoTime(),
        type,
        1,
        device,
        version,
        Instant.parse("2026-11-23T06:00:00Z"),
        (com.fasterxml.jackson.databind.node.ObjectNode) EventCodec.json().readTree(payload));
  }
}
