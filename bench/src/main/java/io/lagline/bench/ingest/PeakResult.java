package io.lagline.bench.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps of a peak search, in order: every step but possibly the last sustained the criterion.
 *
 * @param cores the machine's cores, to say whether CPU is what limits the peak
 */
public record PeakResult(List<PhaseResult> steps, PeakCriterion criterion, int cores) {
  /** A step whose processes used this share of the machine's cores is CPU-bound. */
  static final double CPU_BOUND_SHARE = 0.85;

  public PeakResult {
    steps = List.copyOf(steps);
  }

  /** The last sustained step. */
  public Optional<PhaseResult> sustained() {
    return steps.stream().filter(criterion::sustained).reduce((a, b) -> b);
  }

  /** The step that broke the criterion; empty when the search ran out of steps first. */
  public Optional<PhaseResult> broke() {
    return steps.isEmpty() || criterion.sustained(steps.get(steps.size() - 1))
        ? Optional.empty()
        : Optional.of(steps.get(steps.size() - 1));
  }

  /** The offered rate of the last sustained step; NaN when even the first broke. */
  public double peakRps() {
    return sustained().map(PhaseResult::offeredRate).orElse(Double.NaN);
  }

  /** What limits the peak, with the figures of the step that broke (or of the last one). */
  public String limit() {
    if (steps.isEmpty()) {
      return "not measured";
    }
    Optional<PhaseResult> broke = broke();
    PhaseResult last = broke.orElse(steps.get(steps.size() - 1));
    String where =
        broke.isPresent()
            ? String.format(
                Locale.ROOT,
                "at %.0f/s: %s",
                last.offeredRate(),
                String.join("; ", criterion.breaches(last)))
            : String.format(
                Locale.ROOT,
                "not reached in %d steps: %.0f/s still sustained",
                steps.size(),
                last.offeredRate());
    return where + "; " + cpu(last);
  }

  /**
   * The cores the step's processes used, and the verdict: CPU-bound when the machine was at least
   * {@link #CPU_BOUND_SHARE} busy, else the publisher's flow control when it refused requests.
   */
  String cpu(PhaseResult step) {
    CpuSample c = step.cores();
    String figures =
        String.format(
            Locale.ROOT,
            "cores: bench JVM %.2f (service threads %.2f, HTTP clients %.2f), emulator %.2f,"
                + " machine %.2f of %d",
            c.bench(),
            c.service(),
            c.clients(),
            c.emulator(),
            c.machine(),
            cores);
    if (c.machine() >= CPU_BOUND_SHARE * cores) {
      return figures + ": CPU-bound";
    }
    if (step.refused() > 0) {
      return figures + ": the publisher's flow control (429)";
    }
    return figures;
  }
}
