package io.lagline.bench;

import io.lagline.bench.ingest.IngestOutcome;
import io.lagline.bench.ingest.IngestPlan;
import io.lagline.bench.ingest.IngestScenario;
import io.lagline.bench.ingest.PeakResult;
import io.lagline.bench.ingest.PhaseResult;
import io.lagline.producer.publish.TopicPath;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ingest row on a fresh emulator (the stack's, or one of its own when the run needs no
 * Cassandra, as with {@code --only ingest}), recorded as three rows ({@code ingest_library}, {@code
 * ingest_http}, {@code ingest_peak}) and the {@code ingest_*} fields of summary.json.
 */
final class IngestStep {
  static final String TOPIC = "ingest";
  static final String PEAK_NAME = "ingest: peak sustainable request rate";

  private IngestStep() {}

  /**
   * @param stack null to start an emulator of its own under {@code dir}
   */
  static void run(
      BenchStack stack,
      Path dir,
      IngestPlan plan,
      BenchResults results,
      Consumer<String> progress) {
    IngestPlan capped = plan.at(results.eps("emulator_ceiling"));
    if (stack != null) {
      try (PubSubTestResources pubsub = stack.freshEmulator(BenchStack.EMULATOR_HEAP)) {
        record(measure(pubsub, capped, progress), results);
      }
      return;
    }
    try (PubSubEmulator emulator =
            BenchStack.startEmulator(dir.resolve("stack").resolve("pubsub-ingest"), "1g");
        PubSubTestResources pubsub =
            PubSubTestResources.connect(emulator.host(), BenchStack.PROJECT)) {
      record(measure(pubsub, capped, progress), results);
    }
  }

  private static IngestOutcome measure(
      PubSubTestResources pubsub, IngestPlan plan, Consumer<String> progress) {
    pubsub.createTopic(TOPIC); // no subscription: the emulator keeps nothing
    return IngestScenario.run(
        pubsub.emulatorHost(),
        TopicPath.parse(BenchStack.topic(TOPIC)),
        plan,
        pid -> ProcStats.read(pid).cpuSeconds(),
        Runtime.getRuntime().availableProcessors(),
        progress);
  }

  static void record(IngestOutcome outcome, BenchResults results) {
    IngestPlan plan = outcome.plan();
    results.add(
        row(
            "ingest_library",
            String.format(Locale.ROOT, "ingest: library publish at %.0f/s", plan.rate()),
            outcome.library(),
            "latency = due → Pub/Sub confirmed; publisher defaults, failing at flow control;"
                + " schema checked"));
    results.add(
        row(
            "ingest_http",
            String.format(
                Locale.ROOT,
                "ingest: POST /v1/events at %.0f/s, %d clients",
                plan.rate(),
                plan.clients()),
            outcome.http(),
            "latency = due → 202; service in the bench JVM on 127.0.0.1, token auth"));
    PeakResult peak = outcome.peak();
    String notes = "sustained = " + peak.criterion() + "; limit " + peak.limit();
    results.add(
        peak.sustained()
            .map(step -> row("ingest_peak", PEAK_NAME, step, notes))
            .orElseGet(
                () ->
                    new ScenarioResult(
                        "ingest_peak",
                        PEAK_NAME,
                        0,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        "no rate sustained; " + notes)));
    results.extra("ingest_rate_rps", plan.rate());
    results.extra("ingest_library_machine_cores", outcome.library().machineCores());
    results.extra("ingest_http_machine_cores", outcome.http().machineCores());
    results.extra("ingest_peak_limit", outcome.peak().limit());
    results.extra("ingest_peak_steps", steps(outcome.peak().steps()));
  }

  /** A phase as a row: events/s the offered rate, the lag columns its latency. */
  private static ScenarioResult row(String id, String name, PhaseResult phase, String notes) {
    String unaccepted =
        phase.accepted() == phase.sends()
            ? ""
            : String.format(
                Locale.ROOT,
                "; not accepted: %d refused, %d failed, %d shed, %d unanswered",
                phase.refused(),
                phase.failed(),
                phase.shed(),
                phase.unanswered());
    return new ScenarioResult(
        id,
        name,
        phase.sends(),
        phase.offeredRate(),
        phase.latency().p50Ms(),
        phase.latency().p99Ms(),
        phase.latency().maxMs(),
        phase.benchCores() * phase.seconds(),
        phase.seconds(),
        Double.NaN,
        String.format(
            Locale.ROOT,
            "%s; %.1f%% accepted%s; cores: emulator %.2f, machine %.2f",
            notes,
            phase.acceptedShare() * 100,
            unaccepted,
            phase.emulatorCores(),
            phase.machineCores()));
  }

  private static List<Map<String, Object>> steps(List<PhaseResult> steps) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (PhaseResult step : steps) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("rate_rps", SummaryJson.number(step.offeredRate()));
      s.put("accepted_share", SummaryJson.number(step.acceptedShare()));
      s.put("refused", step.refused());
      s.put("p50_ms", SummaryJson.number(step.latency().p50Ms()));
      s.put("p99_ms", SummaryJson.number(step.latency().p99Ms()));
      s.put("bench_cores", SummaryJson.number(step.benchCores()));
      s.put("service_thread_cores", SummaryJson.number(step.cores().service()));
      s.put("http_client_cores", SummaryJson.number(step.cores().clients()));
      s.put("emulator_cores", SummaryJson.number(step.emulatorCores()));
      s.put("machine_cores", SummaryJson.number(step.machineCores()));
      list.add(s);
    }
    return list;
  }
}
