package io.lagline.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.reconciler.app.ReconcilerApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Messages near the contract's size limit travel the whole pipeline: the reconciler's channel to
 * the emulator must accept a streaming-pull response holding them, or the response fails, the
 * client reconnects, and the same messages (and every other one in that response) are leased and
 * lost again for ever.
 */
class LargeMessageIT extends OnLocalStack {
  private static final int SMALL_EVENTS = 3_000;
  private static final int MIB = 1024 * 1024;
  private static final Duration CONVERGE = Duration.ofMinutes(2);

  @Test
  void every_event_reaches_cassandra_when_some_are_megabytes_large() throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "large", "");
    pipeline.applySchema();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < SMALL_EVENTS; i++) {
      events.add(synced("device-" + (i % 300), 1 + i / 300, ""));
    }
    events.add(synced("large-6", 1, "x".repeat(6 * MIB)));
    events.add(synced("large-8.5", 1, "y".repeat(17 * MIB / 2)));
    Collections.shuffle(events, new Random(7));
    Set<String> published = events.stream().map(Event::eventId).collect(Collectors.toSet());
    pipeline.publish(events);

    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      await()
          .atMost(CONVERGE)
          .untilAsserted(
              () ->
                  assertThat(historyIds(pipeline))
                      .as("event ids read back from sync_history")
                      .hasSize(published.size()));
      assertThat(historyIds(pipeline)).isEqualTo(published);
      assertThat(app.metrics().events("dead_lettered")).isZero();
    }
  }

  private Set<String> historyIds(Pipeline pipeline) {
    return pipeline.rows(session, "sync_history").stream()
        .map((Row row) -> row.getString("event_id"))
        .collect(Collectors.toSet());
  }

  /** A DeviceSynced event of the test mapping; a non-empty {@code blob} is an unmapped field. */
  private static Event synced(String device, long version, String blob) {
    ObjectNode payload =
        EventCodec.json().createObjectNode().put("steps", (int) version).put("heart_rate", 70);
    if (!blob.isEmpty()) {
      payload.put("blob", blob);
    }
    return Pipeline.synced(device, version, payload);
  }
}
