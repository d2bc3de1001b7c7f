package io.lagline.bench.ingest;

/**
 * CPU seconds used so far (or over an interval, as a difference): the bench JVM's, the share of it
 * on the service's HTTP threads and on the load generator's HTTP client threads, the Pub/Sub
 * emulator's (NaN when not found), and the whole machine's.
 */
public record CpuSample(
    double bench, double service, double clients, double emulator, double machine) {

  /** This sample minus an earlier one: the CPU seconds used in between. */
  CpuSample minus(CpuSample earlier) {
    return new CpuSample(
        bench - earlier.bench,
        Math.max(0, service - earlier.service), // a thread that ended takes its time with it
        Math.max(0, clients - earlier.clients),
        emulator - earlier.emulator,
        machine - earlier.machine);
  }

  CpuSample plus(CpuSample other) {
    return new CpuSample(
        bench + other.bench,
        service + other.service,
        clients + other.clients,
        emulator + other.emulator,
        machine + other.machine);
  }

  /** Average cores over {@code seconds}. */
  CpuSample per(double seconds) {
    return new CpuSample(
        bench / seconds,
        service / seconds,
        clients / seconds,
        emulator / seconds,
        machine / seconds);
  }
}
