package io.lagline.bench;

/**
 * One row of the table. Values that do not apply to a scenario are {@link Double#NaN} and print as
 * "-".
 *
 * @param id the key in summary.json ({@code drain}, {@code naive}, ...)
 * @param name what the row is called in the table
 * @param events events the scenario handled
 * @param eventsPerSecond see the README's definition for each row
 * @param lagP50Ms consistency lag p50 (publish to durable), from the reconciler's histogram
 * @param lagP99Ms consistency lag p99
 * @param lagMaxMs largest lag observed
 * @param cpuSeconds CPU time of the measured process over the measured interval
 * @param seconds the measured interval
 * @param peakRssMb peak resident memory of the measured process
 * @param notes what else to know (settings, failures, read-back)
 */
record ScenarioResult(
    String id,
    String name,
    long events,
    double eventsPerSecond,
    double lagP50Ms,
    double lagP99Ms,
    double lagMaxMs,
    double cpuSeconds,
    double seconds,
    double peakRssMb,
    String notes) {

  /** A row without lag figures or process figures (an in-bench client). */
  static ScenarioResult rate(
      String id, String name, long events, double seconds, ProcStats cpu, String notes) {
    return new ScenarioResult(
        id,
        name,
        events,
        seconds > 0 ? events / seconds : Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        cpu.cpuSeconds(),
        seconds,
        cpu.peakRssMb() > 0 ? cpu.peakRssMb() : Double.NaN,
        notes);
  }

  /** Average cores the measured process used over the interval. */
  double averageCores() {
    return seconds > 0 ? cpuSeconds / seconds : Double.NaN;
  }

  ScenarioResult withNotes(String more) {
    String joined = notes.isEmpty() ? more : notes + "; " + more;
    return new ScenarioResult(
        id,
        name,
        events,
        eventsPerSecond,
        lagP50Ms,
        lagP99Ms,
        lagMaxMs,
        cpuSeconds,
        seconds,
        peakRssMb,
        joined);
  }
}
