package io.lagline.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the reconcilers' audit trail ({@code lagline.outcomes} at DEBUG: one line per confirmed row
 * write) and counts how often Cassandra accepted each (event, table) write. Accepted more than
 * once, across every process of a scenario, is a double application. It also counts the writes
 * whose confirmed outcome came after an ambiguous attempt ({@code after_ambiguous=true}).
 */
final class OutcomeLog {
  private static final Pattern LINE =
      Pattern.compile(
          "row outcome event_id=(\\S+) table=(\\S+) version=(\\d+) outcome=(applied|duplicate|stale)"
              + "(?: after_ambiguous=(true|false))?(?: ambiguous_reason=(\\S+))?");

  private final Map<String, Integer> applied = new HashMap<>();
  private final Ambiguity.Counter ambiguous = new Ambiguity.Counter();
  private long lines;

  private OutcomeLog() {}

  /** Reads every {@code *.log} file directly under {@code dir}. */
  static OutcomeLog read(Path dir) {
    OutcomeLog log = new OutcomeLog();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        try (Stream<String> text = Files.lines(file)) {
          text.forEach(log::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the reconciler logs under " + dir, e);
    }
    return log;
  }

  /** Parses lines, for tests. */
  static OutcomeLog of(List<String> lines) {
    OutcomeLog log = new OutcomeLog();
    lines.forEach(log::add);
    return log;
  }

  private void add(String line) {
    Matcher match = LINE.matcher(line);
    if (match.find()) {
      lines++;
      if (match.group(4).equals("applied")) {
        applied.merge(match.group(1) + " " + match.group(2), 1, Integer::sum);
      }
      if ("true".equals(match.group(5))) {
        ambiguous.add(match.group(4), match.group(6) == null ? "-" : match.group(6));
      }
    }
  }

  /** Outcome lines read. */
  long outcomes() {
    return lines;
  }

  /** The writes that had an attempt of unknown fate, and how the re-issue resolved them. */
  Ambiguity ambiguity() {
    return ambiguous.snapshot();
  }

  /** (event, table) writes Cassandra accepted more than once. */
  long doubleApplied() {
    return applied.values().stream().filter(n -> n > 1).count();
  }

  /** Up to {@code max} of the double-applied writes, as {@code "event_id table ×n"}. */
  List<String> doubleAppliedExamples(int max) {
    return applied.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .limit(max)
        .map(e -> e.getKey() + " ×" + e.getValue())
        .toList();
  }
}
