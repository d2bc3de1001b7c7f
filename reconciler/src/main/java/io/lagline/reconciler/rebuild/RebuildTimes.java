package io.lagline.reconciler.rebuild;

import io.lagline.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The times a rebuild takes: an RFC 3339 time, or a duration back from now. Pure. */
public final class RebuildTimes {
  /** What an option holding a time accepts, for messages. */
  public static final String FORM =
      "must be a time such as 2026-12-01T10:00:00Z (RFC 3339) or a duration back from now such as"
          + " 6h or 2d";

  private RebuildTimes() {}

  /** {@code text} as a time: {@code now} minus a positive duration, or an RFC 3339 time. */
  public static Optional<Instant> parse(String text, Instant now) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Optional<Duration> ago = Durations.parse(text);
    if (ago.isPresent()) {
      return ago.filter(d -> !d.isNegative() && !d.isZero()).map(now::minus);
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
