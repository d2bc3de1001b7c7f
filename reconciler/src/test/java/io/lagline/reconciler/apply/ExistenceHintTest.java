package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.mapping.BoundRow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExistenceHintTest {
  private final ExistenceHint hint = new ExistenceHint(3);

  @Test
  void expects_existing_rows_until_first_touches_mostly_find_new_ones() throws Exception {
    assertThat(hint.likelyNew(row("device-0"))).isFalse();

    for (int i = 1; i <= 30; i++) {
      hint.learned(row("device-" + i), true);
    }

    assertThat(hint.likelyNew(row("device-99"))).as("a fresh backlog: insert first").isTrue();
    assertThat(hint.likelyNew(row("device-30"))).as("written here recently: it exists").isFalse();
  }

  @Test
  void forgets_the_least_recently_used_rows_beyond_its_capacity() throws Exception {
    for (int i = 1; i <= 30; i++) {
      hint.learned(row("device-" + i), true);
    }

    assertThat(hint.likelyNew(row("device-1"))).isTrue();
    assertThat(hint.likelyNew(row("device-29"))).isFalse();
  }

  @Test
  void turns_back_to_updates_when_first_touches_find_existing_rows() throws Exception {
    for (int i = 1; i <= 30; i++) {
      hint.learned(row("new-" + i), true);
    }
    for (int i = 1; i <= 60; i++) {
      hint.learned(row("old-" + i), false);
    }

    assertThat(hint.likelyNew(row("device-99"))).isFalse();
  }

  private static BoundRow row(String device) throws Exception {
    Event event =
        new Event(
            "e-" + device,
            "DeviceState",
            1,
            device,
            1,
            Instant.parse("2026-11-23T06:00:00Z"),
            (com.fasterxml.jackson.databind.node.ObjectNode)
                EventCodec.json().readTree("{\"steps\": 1}"));
    return TestMappings.STATE_ONLY.bind(event, event.attributes()).get(0);
  }
}
