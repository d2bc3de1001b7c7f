package io.lagline.reconciler.rebuild;

import io.lagline.reconciler.apply.WriteOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a rebuild prints: a progress line every few seconds (publish time reached and share of the
 * window, events/s since the last line, time left, counts by outcome) and the summary at the end.
 * The counts by write outcome are the reconciler's own {@code lagline_reconciler_events_total}.
 */
final class ProgressLine {
  private final RebuildProgress progress;
  private final AtomicLong poison;
  private final MeterRegistry registry;
  private long lastSettled;
  private long lastNanos = System.nanoTime();

  ProgressLine(RebuildProgress progress, AtomicLong poison, MeterRegistry registry) {
    this.progress = progress;
    this.poison = poison;
    this.registry = registry;
  }

  /** The progress line now. */
  String now() {
    long nanos = System.nanoTime();
    long settled = progress.settled();
    double rate = (settled - lastSettled) / Math.max(1e-9, (nanos - lastNanos) / 1e9);
    lastSettled = settled;
    lastNanos = nanos;
    // from a snapshot the start of the window is not known: no share, only the position
    boolean known = progress.until().isAfter(progress.since());
    return String.format(
        Locale.ROOT,
        "rebuild %s at %s | %,.0f events/s | ETA %s | %s",
        known ? String.format(Locale.ROOT, "%3.0f%%", progress.share() * 100) : "",
        progress.position(),
        rate,
        eta(),
        counts());
  }

  /**
   * The time left; once everything received is settled and nothing new arrived for a while, how
   * long until the quiet period ends the rebuild (a window whose last minutes had no messages never
   * shows its position reaching the end).
   */
  private String eta() {
    Duration quiet = progress.quietFor();
    if (progress.unsettled() == 0 && quiet.compareTo(NOTHING_NEW) >= 0) {
      return "ending (nothing new for "
          + quiet.toSeconds()
          + " s of "
          + Rebuild.QUIET.toSeconds()
          + ")";
    }
    return progress.remaining().map(ProgressLine::format).orElse("?");
  }

  private static final Duration NOTHING_NEW = Duration.ofSeconds(2);

  /** The summary, one item per line. */
  List<String> summary(Rebuild.Ending ending) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "rebuild:       "
            + switch (ending) {
              case DONE -> "done: every message published until " + progress.until() + " settled";
              case STOPPED ->
                  "stopped: "
                      + progress.unsettled()
                      + " message(s) unsettled; run it again (it starts over, safely)";
              case FAILED -> "failed: the subscriber stopped (see the log); run it again";
            });
    lines.add(
        String.format(
            Locale.ROOT,
            "settled:       %d messages in %.1f s (%.0f events/s)",
            progress.settled(),
            progress.activeSeconds(),
            progress.settledPerSecond()));
    for (WriteOutcome outcome : WriteOutcome.values()) {
      lines.add(
          String.format(Locale.ROOT, "  %-12s %d", outcome.tag() + ":", events(outcome.tag())));
    }
    lines.add(
        "poison:        "
            + poison.get()
            + (poison.get() > 0 ? " (dead-lettered when first seen: `reconciler dlq list`)" : ""));
    lines.add("not in tables: " + progress.skipped());
    lines.add("after until:   " + progress.beyond() + " (left to the running reconcilers)");
    lines.add("redelivered:   " + progress.redelivered());
    return lines;
  }

  private String counts() {
    StringBuilder text = new StringBuilder("settled " + progress.settled() + " (");
    WriteOutcome[] outcomes = WriteOutcome.values();
    for (int i = 0; i < outcomes.length; i++) {
      text.append(i == 0 ? "" : ", ")
          .append(outcomes[i].tag())
          .append(' ')
          .append(events(outcomes[i].tag()));
    }
    return text.append("), poison ")
        .append(poison.get())
        .append(", not in tables ")
        .append(progress.skipped())
        .append(", after until ")
        .append(progress.beyond())
        .append(", redelivered ")
        .append(progress.redelivered())
        .toString();
  }

  private long events(String outcome) {
    double total = 0;
    for (Counter counter :
        registry.find("lagline.reconciler.events").tag("outcome", outcome).counters()) {
      total += counter.count();
    }
    return Math.round(total);
  }

  private static String format(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 120 ? seconds + "s" : (seconds / 60) + "m" + (seconds % 60) + "s";
  }
}
