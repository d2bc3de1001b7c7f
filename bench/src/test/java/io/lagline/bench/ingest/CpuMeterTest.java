package io.lagline.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuMeterTest {
  @Test
  void busy_ticks_are_every_field_but_idle_and_iowait() {
    // user nice system idle iowait irq softirq steal guest guest_nice
    assertThat(CpuMeter.busyTicks("cpu  100 2 30 9000 40 5 6 7 50 0")).isEqualTo(150);
    assertThat(CpuMeter.busyTicks("cpu 1 0 1 5 5")).isEqualTo(2);
  }

  @Test
  void a_sample_of_this_jvm_has_its_cpu_and_the_machine_busy_time() {
    CpuSample sample = new CpuMeter(pid -> 3.0).sample();

    assertThat(sample.bench()).isEqualTo(3);
    assertThat(sample.machine()).isPositive();
    assertThat(sample.minus(sample).bench()).isZero();
  }
}
