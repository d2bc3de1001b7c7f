package io.lagline.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a rate counts as sustained: at least {@code minAcceptedShare} of its requests answered 202
 * (the rest refused with 429, failed, shed or unanswered) and their latency p99 at most {@code
 * maxP99Ms}, measured from when each request was due.
 */
public record PeakCriterion(double minAcceptedShare, double maxP99Ms) {
  /** 99% accepted, p99 at most 250 ms (the steady-state lag target's bound). */
  public static final PeakCriterion DEFAULT = new PeakCriterion(0.99, 250);

  boolean sustained(PhaseResult step) {
    return breaches(step).isEmpty();
  }

  /** What {@code step} broke, in words; empty when sustained. */
  List<String> breaches(PhaseResult step) {
    List<String> broke = new ArrayList<>();
    if (step.acceptedShare() < minAcceptedShare) {
      broke.add(
          String.format(
              Locale.ROOT,
              "%.1f%% accepted < %.0f%% (%d refused with 429, %d failed, %d shed, %d unanswered)",
              step.acceptedShare() * 100,
              minAcceptedShare * 100,
              step.refused(),
              step.failed(),
              step.shed(),
              step.unanswered()));
    }
    double p99 = step.latency().p99Ms();
    if (Double.isNaN(p99) && broke.isEmpty()) {
      broke.add("nothing accepted");
    } else if (p99 > maxP99Ms) {
      broke.add(String.format(Locale.ROOT, "p99 %.0f ms > %.0f ms", p99, maxP99Ms));
    }
    return broke;
  }

  /** {@code >= 99% 202 and p99 <= 250 ms}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, ">= %.0f%% 202 and p99 <= %.0f ms", minAcceptedShare * 100, maxP99Ms);
  }
}
