package io.lagline.bench.ingest;

import java.util.List;
import java.util.stream.LongStream;

/**
 * One fixed-rate load phase (one or more {@link Slice}s at the same rate): what was offered, what
 * became of each send, the latency of the accepted ones (from when each was due to its answer) and
 * the CPU used meanwhile.
 *
 * @param offeredRate sends per second offered
 * @param sends sends scheduled
 * @param accepted 202 or confirmed
 * @param refused 429 or flow control full
 * @param failed other answers and failures
 * @param shed never sent (the in-flight cap)
 * @param unanswered not answered when the phase stopped waiting
 * @param seconds from the first send due to the last answer, summed over the slices
 * @param latency of the accepted sends
 * @param cores average cores over the phase: the bench JVM (service, load generator and library),
 *     its service and HTTP-client threads, the emulator (NaN when not found) and the machine
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
    CpuSample cores) {

  /** The slices of one phase at {@code rate}, summed up. */
  static PhaseResult of(double rate, List<Slice> slices) {
    int[] counts = new int[Outcome.values().length];
    LongStream.Builder accepted = LongStream.builder();
    double seconds = 0;
    CpuSample cpu = new CpuSample(0, 0, 0, 0, 0);
    int sends = 0;
    for (Slice slice : slices) {
      for (int i = 0; i < slice.outcomes().length; i++) {
        Outcome outcome = slice.outcomes()[i] == null ? Outcome.UNANSWERED : slice.outcomes()[i];
        counts[outcome.ordinal()]++;
        if (outcome == Outcome.ACCEPTED) {
          accepted.add(slice.latencies()[i]);
        }
      }
      sends += slice.outcomes().length;
      seconds += slice.seconds();
      cpu = cpu.plus(slice.cpu());
    }
    return new PhaseResult(
        rate,
        sends,
        counts[Outcome.ACCEPTED.ordinal()],
        counts[Outcome.REFUSED.ordinal()],
        counts[Outcome.FAILED.ordinal()],
        counts[Outcome.SHED.ordinal()],
        counts[Outcome.UNANSWERED.ordinal()],
        seconds,
        Latency.of(accepted.build().toArray()),
        seconds > 0 ? cpu.per(seconds) : cpu);
  }

  /** Share of the sends accepted, 0 to 1. */
  public double acceptedShare() {
    return sends == 0 ? 0 : accepted / (double) sends;
  }

  /** Average cores of the bench JVM over the phase. */
  public double benchCores() {
    return cores.bench();
  }

  /** Average cores of the emulator's processes over the phase; NaN when not found. */
  public double emulatorCores() {
    return cores.emulator();
  }

  /** Average busy cores of the whole machine over the phase. */
  public double machineCores() {
    return cores.machine();
  }
}
