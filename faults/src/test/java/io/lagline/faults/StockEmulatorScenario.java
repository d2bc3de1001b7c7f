package io.lagline.faults;

import static org.awaitility.Awaitility.await;

import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.TopicName;
import io.lagline.testkit.pubsub.EmulatorStreamFix;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubEmulatorOptions;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * k: the Cloud SDK's emulator exactly as installed. When it is the 0.8.20 one, which keeps leasing
 * messages to streams its clients closed, the reconciler must refuse to run on it (exit 1, naming
 * the defect and the fix) rather than consume and strand messages: afterwards every published
 * message is still on the subscription, for a reconciler on a sound emulator, and nothing was
 * written.
 */
final class StockEmulatorScenario {
  private static final Logger LOG = LoggerFactory.getLogger(StockEmulatorScenario.class);
  private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(2);

  /** Words of the refusal that name the defect and the fix. */
  static final String REFUSAL = "loses messages";

  private StockEmulatorScenario() {}

  /** True when the Cloud SDK's emulator, as installed, has the stream-closing defect. */
  static boolean installedIsDefective() throws java.io.IOException {
    var script = PubSubEmulator.findScript();
    return script.isPresent() && EmulatorStreamFix.hasDefect(script.get());
  }

  static void refuses(FaultStack faults, Scenario scenario) throws Exception {
    PubSubEmulatorOptions options =
        PubSubEmulatorOptions.builder()
            .projectId(faults.stack().projectId())
            .maxHeap("512m")
            .fixStreamClose(false)
            .build();
    try (PubSubEmulator stock = PubSubEmulator.start(options, scenario.logDir().resolve("stock"));
        PubSubTestResources pubsub = PubSubTestResources.connect(stock.host(), stock.projectId())) {
      String id = scenario.id();
      TopicName topic = pubsub.createTopic(id);
      pubsub.createTopic(id + "-dlq");
      ProjectSubscriptionName subscription =
          PubSubSetup.subscription(
              pubsub, id + "-sub", topic, ScenarioConfig.ACK_DEADLINE, false, null, 0);
      FaultWorkload workload = scenario.workload();
      long started = System.nanoTime();
      int published =
          RawPublisher.publish(pubsub, topic, workload.publishOrder(), false, new AtomicInteger());

      ReconcilerProcess reconciler =
          scenario.launchReconciler(1, Map.of("LAGLINE_PUBSUB_EMULATOR_HOST", stock.host()));
      await("the reconciler on the stock emulator exits")
          .atMost(EXIT_TIMEOUT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !reconciler.isAlive());
      String log = Files.readString(reconciler.logFile());
      int code = reconciler.exitCode();
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      LOG.info("k: the reconciler on the stock emulator exited {} after {} s", code, seconds);

      Set<String> retained;
      try (DeadLetterReader reader = new DeadLetterReader(pubsub, subscription)) {
        reader.drain();
        retained =
            reader.read().stream()
                .map(DeadLetterReader.DeadLetter::eventId)
                .collect(Collectors.toSet());
      }
      Set<String> sent =
          workload.publishOrder().stream()
              .map(OutboundMessage::eventId)
              .collect(Collectors.toSet());
      long missing = sent.stream().filter(e -> !retained.contains(e)).count();
      long written = scenario.historyRows();
      ScenarioResult result =
          new ScenarioResult(
              scenario.title(),
              workload.events(),
              published,
              "stock emulator: reconciler refused to start (exit "
                  + code
                  + "); every message left on the subscription",
              missing,
              written,
              0,
              0,
              0,
              java.util.List.of(),
              Duration.ofSeconds(seconds));
      ResultTable.add(result);

      SoftAssertions soft = new SoftAssertions();
      soft.assertThat(code).as("exit code on the stock emulator").isEqualTo(1);
      soft.assertThat(log)
          .as("the refusal names the defect and the fix")
          .contains(REFUSAL, "bin/emulator");
      soft.assertThat(missing).as("published events no longer on the subscription").isZero();
      soft.assertThat(written).as("rows written from the stock emulator").isZero();
      soft.assertAll();
    }
  }
}
