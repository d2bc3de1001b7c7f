package io.lagline.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code settled:} line of {@code reconciler rebuild}'s summary, e.g. {@code settled: 12345
 * messages in 4.1 s (3011 events/s)}: the window's messages settled, and the time and rate from the
 * first of them received to the last settled (JVM start-up and the rebuild's quiet period at the
 * end left out).
 *
 * @param messages window messages settled
 * @param seconds from the first received to the last settled, as printed (one decimal)
 * @param eventsPerSecond the rebuild's rate, as printed (no decimals)
 */
record RebuildSettled(long messages, double seconds, double eventsPerSecond) {
  private static final Pattern LINE =
      Pattern.compile(
          "^settled:\\s+(\\d+) messages in (\\d+(?:\\.\\d+)?) s \\((\\d+(?:\\.\\d+)?) events/s\\)\\s*$");

  /** The first {@code settled:} line of {@code output} (a rebuild's stdout); empty when none. */
  static Optional<RebuildSettled> parse(String output) {
    return output
        .lines()
        .map(LINE::matcher)
        .filter(Matcher::matches)
        .findFirst()
        .map(
            m ->
                new RebuildSettled(
                    Long.parseLong(m.group(1)),
                    Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3))));
  }
}
