package io.lagline.bench;

import io.lagline.bench.profile.Profiler;
import io.lagline.testkit.cassandra.CassandraNodeOptions;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Cassandra's {@code paxos_variant: v1} against {@code v2}: for each, a fresh node and the LWT
 * ceiling client writing the uniform drain workload and then the Zipf hot-keys workload (where
 * contention on the same partitions is what differs between the two protocols).
 */
final class PaxosComparison {
  /** Events per workload and variant: enough for a rate, small enough for the full run's budget. */
  static final int MAX_EVENTS = 20_000;

  private PaxosComparison() {}

  static void run(
      Path dir,
      BenchWorkload uniformAll,
      BenchWorkload zipfAll,
      BenchResults results,
      Consumer<String> progress) {
    BenchWorkload uniform = uniformAll.first(MAX_EVENTS);
    BenchWorkload zipf = zipfAll.first(MAX_EVENTS);
    for (String variant : new String[] {"v1", "v2"}) {
      progress.accept("paxos " + variant + ": starting a fresh node");
      CassandraNodeOptions options = CassandraNodeOptions.builder().paxosVariant(variant).build();
      try (BenchStack stack = BenchStack.start(dir.resolve(variant), options, Profiler.off())) {
        stack.createSchema("paxos_warmup");
        LwtCeiling.run(
            "warm_up",
            "warm-up",
            stack.session(),
            "paxos_warmup",
            stack.mapping(),
            uniform.events().subList(0, Math.min(5_000, uniform.events().size())));
        stack.createSchema("paxos_uniform");
        results.add(
            LwtCeiling.run(
                "paxos_" + variant + "_uniform",
                "paxos " + variant + ": async LWT, uniform keys",
                stack.session(),
                "paxos_uniform",
                stack.mapping(),
                uniform.events()));
        stack.createSchema("paxos_zipf");
        results.add(
            LwtCeiling.run(
                "paxos_" + variant + "_zipf",
                "paxos " + variant + ": async LWT, Zipf keys",
                stack.session(),
                "paxos_zipf",
                stack.mapping(),
                zipf.events()));
      }
    }
    results.extra(
        "paxos_v2_over_v1_uniform",
        ratio(results.eps("paxos_v2_uniform"), results.eps("paxos_v1_uniform")));
    results.extra(
        "paxos_v2_over_v1_zipf", ratio(results.eps("paxos_v2_zipf"), results.eps("paxos_v1_zipf")));
  }

  private static Double ratio(double a, double b) {
    return SummaryJson.number(a / b);
  }
}
