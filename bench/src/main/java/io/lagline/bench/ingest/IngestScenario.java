package io.lagline.bench.ingest;

import io.lagline.contract.Contracts;
import io.lagline.demo.ingest.LocalIngestService;
import io.lagline.producer.publish.PubSubEventPublisher;
import io.lagline.producer.publish.PublishMetrics;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.producer.publish.PublisherSettings.LimitExceeded;
import io.lagline.producer.publish.TopicPath;
import io.lagline.pubsub.PubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The ingest row: the HTTP ingest service ({@link LocalIngestService}, in this JVM, on 127.0.0.1
 * with a random bearer token) against the producer library it is built on, both publishing to the
 * same topic (without a subscription: the emulator keeps nothing) with the same publisher settings
 * (the service's: defaults, failing at the flow-control limit) and the same schema check. Each path
 * is warmed up (HTTP twice as long: it has more code for the JIT to compile), then both are
 * measured at the same fixed rate in {@value #ROUNDS} alternating slices (library, HTTP, library,
 * ...), so a change in what else the machine runs weighs on both alike; then the rate over HTTP
 * steps up until the {@link PeakCriterion} breaks.
 */
public final class IngestScenario {
  /** Sends outstanding at most per path; one due beyond it is shed. */
  static final int MAX_IN_FLIGHT = 512;

  /** How long a phase waits for its last answers. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  /** Slices per path of the comparison, alternating. */
  static final int ROUNDS = 5;

  private IngestScenario() {}

  /**
   * Runs the row.
   *
   * @param emulatorHost {@code 127.0.0.1:port} of the emulator
   * @param topic an existing topic of the row's own
   * @param cpuSeconds CPU seconds so far of a process, by pid
   * @param cores the machine's cores
   */
  public static IngestOutcome run(
      String emulatorHost,
      TopicPath topic,
      IngestPlan plan,
      LongFunction<Double> cpuSeconds,
      int cores,
      Consumer<String> progress) {
    CpuMeter cpu = new CpuMeter(cpuSeconds);
    try (LocalIngestService service =
            LocalIngestService.start(emulatorHost, topic, "bench-ingest");
        PubSubConnection connection = PubSubConnection.emulator(emulatorHost);
        PubSubEventPublisher publisher =
            PubSubEventPublisher.create(
                topic,
                connection,
                PublisherSettings.defaults().toBuilder().limitExceeded(LimitExceeded.FAIL).build(),
                new PublishMetrics(),
                Optional.of(Contracts.bundled()))) {
      OpenLoop library =
          new OpenLoop(new LibrarySender(publisher), MAX_IN_FLIGHT, DRAIN_TIMEOUT, cpu);
      OpenLoop http =
          new OpenLoop(
              new HttpSender(service.uri(), service.token().reveal(), plan.clients()),
              MAX_IN_FLIGHT,
              DRAIN_TIMEOUT,
              cpu);
      progress.accept(String.format(Locale.ROOT, "ingest: warming up at %.0f/s", plan.rate()));
      library.run("warm-lib", plan.rate(), plan.warmUp());
      // twice as long: the HTTP path has more code for the JIT to compile (Jetty, the clients)
      http.run("warm-http", plan.rate(), plan.warmUp().multipliedBy(2));
      List<Slice> librarySlices = new ArrayList<>();
      List<Slice> httpSlices = new ArrayList<>();
      Duration slice = plan.phase().dividedBy(ROUNDS);
      for (int round = 0; round < ROUNDS; round++) {
        librarySlices.add(library.run("lib" + round, plan.rate(), slice));
        httpSlices.add(http.run("http" + round, plan.rate(), slice));
      }
      PhaseResult viaLibrary = PhaseResult.of(plan.rate(), librarySlices);
      PhaseResult viaHttp = PhaseResult.of(plan.rate(), httpSlices);
      progress.accept(
          String.format(
              Locale.ROOT,
              "ingest: at %.0f/s p99 library %.1f ms, http %.1f ms",
              plan.rate(),
              viaLibrary.latency().p99Ms(),
              viaHttp.latency().p99Ms()));
      PeakResult peak = peak(http, plan, cores, progress);
      return new IngestOutcome(plan, viaLibrary, viaHttp, peak);
    }
  }

  private static PeakResult peak(
      OpenLoop http, IngestPlan plan, int cores, Consumer<String> progress) {
    int[] steps = {0};
    return PeakSearch.search(
        plan.rate(),
        IngestPlan.STEP_FACTOR,
        plan.maxSteps(),
        PeakCriterion.DEFAULT,
        cores,
        rate -> {
          PhaseResult step =
              PhaseResult.of(rate, List.of(http.run("peak" + steps[0]++, rate, plan.step())));
          progress.accept(
              String.format(
                  Locale.ROOT,
                  "ingest: peak search %.0f/s -> %.1f%% 202, p99 %.1f ms",
                  rate,
                  step.acceptedShare() * 100,
                  step.latency().p99Ms()));
          return step;
        });
  }
}
