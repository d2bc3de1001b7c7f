package io.lagline.demo.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceRowTest {
  @ParameterizedTest(name = "{0} v{1} against row v{2} deleted={3}: behind={4}")
  @CsvSource(
      nullValues = "none",
      value = {
        // event type,  event version, row version, deleted, behind
        "DeviceSynced,  5, none, false, true", // no row yet
        "DeviceSynced,  5, 4,    false, true", // an older version still shows
        "DeviceSynced,  5, 5,    false, false", // the event's own version
        "DeviceSynced,  5, 7,    false, false", // overtaken by a newer one: stale, not behind
        "DeviceSynced,  5, 7,    true,  false", // retired since: not behind either
        "DeviceRetired, 9, none, false, true", // no row yet
        "DeviceRetired, 9, 8,    false, true", // the last sync still shows
        "DeviceRetired, 9, 9,    true,  false", // deleted at its version
        "DeviceRetired, 9, 9,    false, true", // its version without the delete mark
      })
  void is_behind_when_the_row_does_not_show_the_event_yet(
      String eventType, long eventVersion, Long rowVersion, boolean deleted, boolean behind) {
    DeviceRow row = rowVersion == null ? DeviceRow.ABSENT : new DeviceRow(rowVersion, deleted);

    assertThat(row.behind(eventType, eventVersion)).isEqualTo(behind);
  }
}
