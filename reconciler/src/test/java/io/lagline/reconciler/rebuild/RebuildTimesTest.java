package io.lagline.reconciler.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RebuildTimesTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void a_duration_is_that_long_ago() {
    assertThat(RebuildTimes.parse("6h", NOW)).contains(Instant.parse("2026-12-06T06:00:00Z"));
    assertThat(RebuildTimes.parse("2d", NOW)).contains(Instant.parse("2026-12-04T12:00:00Z"));
  }

  @Test
  void an_rfc_3339_time_with_any_offset() {
    assertThat(RebuildTimes.parse("2026-12-01T10:00:00Z", NOW))
        .contains(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(RebuildTimes.parse("2026-12-01T11:00:00+01:00", NOW))
        .contains(Instant.parse("2026-12-01T10:00:00Z"));
  }

  @Test
  void anything_else_is_refused() {
    assertThat(RebuildTimes.parse("yesterday", NOW)).isEmpty();
    assertThat(RebuildTimes.parse("2026-12-01 10:00", NOW)).isEmpty();
    assertThat(RebuildTimes.parse("0s", NOW)).isEmpty();
    assertThat(RebuildTimes.parse("", NOW)).isEmpty();
    assertThat(RebuildTimes.parse(null, NOW)).isEmpty();
  }
}
