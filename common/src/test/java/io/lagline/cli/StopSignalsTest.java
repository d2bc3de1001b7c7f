package io.lagline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StopSignalsTest {
  @Test
  void a_trapped_sigterm_runs_the_stop_action_instead_of_ending_the_jvm() throws Exception {
    AtomicInteger stops = new AtomicInteger();

    assertThat(StopSignals.trap(stops::incrementAndGet)).isTrue();
    Class<?> signal = Class.forName("sun.misc.Signal");
    signal
        .getMethod("raise", signal)
        .invoke(null, signal.getConstructor(String.class).newInstance("TERM"));

    await().until(() -> stops.get() == 1);
  }
}
