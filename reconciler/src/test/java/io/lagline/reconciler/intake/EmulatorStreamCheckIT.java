package io.lagline.reconciler.intake;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.emulator.EmulatorStreamCheck;
import io.lagline.testkit.pubsub.EmulatorStreamFix;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubEmulatorOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The start-up check against real emulators: the Cloud SDK's emulator as installed (which keeps
 * closed streams when it is the 0.8.20 one) is refused with the cause and the fix named; the copy
 * the testkit runs by default passes.
 */
class EmulatorStreamCheckIT {
  private static final String SUBSCRIPTION = "projects/demo-project/subscriptions/reconciler";

  @Test
  void the_testkit_emulator_passes_the_check() {
    try (PubSubEmulator emulator = start("fixed", true);
        PubSubConnection connection = PubSubConnection.emulator(emulator.host())) {
      assertThatCode(() -> EmulatorStreamCheck.verify(connection, SUBSCRIPTION))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void an_emulator_that_keeps_closed_streams_is_refused_naming_the_defect_and_the_fix()
      throws Exception {
    boolean defective = EmulatorStreamFix.hasDefect(PubSubEmulator.findScript().orElseThrow());
    try (PubSubEmulator emulator = start("installed", false);
        PubSubConnection connection = PubSubConnection.emulator(emulator.host())) {
      if (defective) {
        assertThatThrownBy(() -> EmulatorStreamCheck.verify(connection, SUBSCRIPTION))
            .isInstanceOf(LaglineException.class)
            .hasMessageContaining("loses messages")
            .hasMessageContaining(emulator.host())
            .hasMessageContaining("NoSuchMethodError")
            .hasMessageContaining("bin/emulator");
      } else {
        assertThatCode(() -> EmulatorStreamCheck.verify(connection, SUBSCRIPTION))
            .doesNotThrowAnyException();
      }
    }
  }

  private static PubSubEmulator start(String name, boolean fixed) {
    return PubSubEmulator.start(
        PubSubEmulatorOptions.builder().maxHeap("512m").fixStreamClose(fixed).build(),
        Path.of("target", "pubsub-emulator", "stream-check-" + name));
  }
}
