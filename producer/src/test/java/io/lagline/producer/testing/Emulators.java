package io.lagline.producer.testing;

import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubEmulatorOptions;
import java.nio.file.Path;

/** Starts the real Pub/Sub emulator for the producer's ITs, through the testkit. */
public final class Emulators {
  /** The project every IT uses; it must look like a real project id. */
  public static final String PROJECT = "demo-project";

  private Emulators() {}

  /** A fresh emulator with a 512 MB heap, logging to {@code target/pubsub-emulator/<name>/}. */
  public static PubSubEmulator start(String name) {
    return PubSubEmulator.start(
        PubSubEmulatorOptions.builder().projectId(PROJECT).maxHeap("512m").build(),
        Path.of("target", "pubsub-emulator", name));
  }
}
