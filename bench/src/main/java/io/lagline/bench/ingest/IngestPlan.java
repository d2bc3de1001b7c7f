package io.lagline.bench.ingest;

import java.time.Duration;

/**
 * How the ingest row runs.
 *
 * @param rate requests (and library publishes) per second of the comparison
 * @param warmUp unreported warm-up of each path at {@code rate}
 * @param phase each path's measured phase at {@code rate}
 * @param step each step of the peak search
 * @param maxSteps most steps of the peak search (rates {@code rate × 1.5^k})
 * @param clients concurrent HTTP clients
 */
public record IngestPlan(
    double rate, Duration warmUp, Duration phase, Duration step, int maxSteps, int clients) {
  /** The peak search's rate grows by this factor per step. */
  public static final double STEP_FACTOR = 1.5;

  /** The rate of the comparison unless the emulator's ceiling is lower (see {@link #at}). */
  public static final double DEFAULT_RATE = 500;

  /** The comparison runs at no more than this share of the emulator ceiling measured in the run. */
  public static final double CEILING_SHARE = 0.25;

  /** Concurrent HTTP clients. */
  public static final int DEFAULT_CLIENTS = 8;

  /** {@code bin/bench}: 10 s phases, 5 s steps, up to 8 (500 to 8,543/s). */
  public static IngestPlan full() {
    return new IngestPlan(
        DEFAULT_RATE,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        8,
        DEFAULT_CLIENTS);
  }

  /** {@code --quick}: 5 s phases, 3 s steps, up to 6 (500 to 3,797/s). */
  public static IngestPlan quick() {
    return new IngestPlan(
        DEFAULT_RATE,
        Duration.ofSeconds(4),
        Duration.ofSeconds(5),
        Duration.ofSeconds(3),
        6,
        DEFAULT_CLIENTS);
  }

  /** {@code --smoke}: 2 s phases and 3 steps of 2 s at 200/s upwards. */
  public static IngestPlan smoke() {
    return new IngestPlan(
        200, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), 3, 4);
  }

  /**
   * This plan at {@code rate}, or at {@link #CEILING_SHARE} of {@code emulatorCeiling} when that is
   * lower (NaN: not measured, the rate stands).
   */
  public IngestPlan at(double emulatorCeiling) {
    double capped =
        Double.isNaN(emulatorCeiling) ? rate : Math.min(rate, CEILING_SHARE * emulatorCeiling);
    return new IngestPlan(capped, warmUp, phase, step, maxSteps, clients);
  }
}
