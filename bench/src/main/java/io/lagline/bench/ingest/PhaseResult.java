package io.lagline.bench.ingest;

/**
 * One fixed-rate load phase: what was offered, what became of each send, the latency of the
 * accepted ones (from when each was due to its answer) and the CPU used meanwhile.
 *
 * @param offeredRate sends per second offered
 * @param sends sends scheduled
 * @param accepted 202 or confirmed
 * @param refused 429 or flow control full
 * @param failed other answers and failures
 * @param shed never sent (the in-flight cap)
 * @param unanswered not answered when the phase stopped waiting
 * @param seconds from the first send due to the last answer
 * @param latency of the accepted sends
 * @param benchCores average cores of the bench JVM (service, load generator and library) over the
 *     phase
 * @param emulatorCores average cores of the Pub/Sub emulator's processes; NaN when not found
 */
public record PhaseResult(
    double offeredRate,
    int sends,
    int accepted,
    int refused,
    int failed,
    int shed,
    int unanswered,
    double seconds,
    Latency latency,
    double benchCores,
    double emulatorCores) {

  /** Share of the sends accepted, 0 to 1. */
  public double acceptedShare() {
    return sends == 0 ? 0 : accepted / (double) sends;
  }

  /** Accepted sends per second over the phase. */
  public double acceptedRate() {
    return seconds > 0 ? accepted / seconds : Double.NaN;
  }
}
