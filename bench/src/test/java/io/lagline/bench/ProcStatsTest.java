package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatsTest {
  @Test
  void cpu_is_utime_plus_stime_even_when_the_name_has_spaces() {
    String stat =
        "4242 (java main) S 1 4242 4242 0 -1 4194560 12345 0 7 0 1500 250 3 4 20 0 40 0 9999"
            + " 3000000000 60000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    assertThat(ProcStats.cpuTicks(stat)).isEqualTo(1750);
  }

  @Test
  void peak_rss_is_vm_hwm() {
    String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  262144 kB\nVmRSS:\t  200000 kB\n";

    assertThat(ProcStats.vmHwmKb(status)).isEqualTo(262144);
    assertThat(ProcStats.vmHwmKb("Name:\tjava\n")).isZero();
  }

  @Test
  void reads_this_jvm() {
    ProcStats self = ProcStats.read(ProcessHandle.current().pid());

    assertThat(self.cpuSeconds()).isPositive();
    assertThat(self.peakRssMb()).isGreaterThan(10);
  }
}
