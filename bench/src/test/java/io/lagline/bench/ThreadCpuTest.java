package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  @Test
  void sorts_threads_by_what_they_do() {
    assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo("compiler");
    assertThat(ThreadCpu.kind("C1 CompilerThre")).isEqualTo("compiler");
    assertThat(ThreadCpu.kind("GC Thread#0")).isEqualTo("gc");
    assertThat(ThreadCpu.kind("G1 Refine#0")).isEqualTo("gc");
    assertThat(ThreadCpu.kind("VM Thread")).isEqualTo("vm");
    assertThat(ThreadCpu.kind("grpc-default-ex")).isEqualTo("application");
    assertThat(ThreadCpu.kind("lagline-write-0")).isEqualTo("application");
  }

  @Test
  void the_difference_of_two_readings_is_per_kind_and_never_negative() {
    Map<String, Double> start = Map.of("application", 1.0, "compiler", 2.0, "gc", 0.5, "vm", 0.1);
    Map<String, Double> end = Map.of("application", 4.0, "compiler", 2.5, "gc", 0.4, "vm", 0.2);

    Map<String, Double> delta = ThreadCpu.between(start, end);

    assertThat(delta.keySet()).containsExactly("application", "compiler", "gc", "vm");
    assertThat(delta.get("application")).isEqualTo(3.0);
    assertThat(delta.get("compiler")).isEqualTo(0.5);
    assertThat(delta.get("gc")).as("a thread that ended").isZero();
    assertThat(ThreadCpu.between(Map.of(), end)).isEmpty();
  }

  @Test
  void reads_this_jvm_and_finds_its_application_threads_busy() {
    Map<String, Double> mine = ThreadCpu.read(ProcessHandle.current().pid());

    assertThat(mine).containsKeys("application", "compiler", "gc", "vm");
    assertThat(mine.get("application")).isPositive();
  }

  @Test
  void notes_give_each_kind_its_share() {
    assertThat(
            ReconcilerDrain.threadShares(new java.util.LinkedHashMap<>(Map.of("application", 3.0))))
        .isEqualTo("; CPU by threads: application 100%");
    assertThat(ReconcilerDrain.threadShares(Map.of())).isEmpty();
  }
}
