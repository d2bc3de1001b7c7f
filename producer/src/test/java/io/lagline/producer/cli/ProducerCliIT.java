package io.lagline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.cli.ExitCodes;
import io.lagline.producer.testing.Emulators;
import io.lagline.producer.testing.MessageCollector;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code producer publish} against the real Pub/Sub emulator, in-process and as the packaged jar.
 */
class ProducerCliIT {
  private static final String GOOD_1 =
      "{\"event_type\":\"DeviceSynced\",\"schema_version\":1,\"entity_key\":\"device-1\",\"entity_version\":1,"
          + "\"payload\":{\"battery\":80}}";
  private static final String GOOD_2 =
      "{\"event_id\":\"evt-2\",\"event_type\":\"DeviceSynced\",\"schema_version\":1,\"entity_key\":\"device-2\","
          + "\"entity_version\":4,\"occurred_at\":\"2026-11-23T06:30:00Z\",\"payload\":{\"battery\":55}}";
  private static final String BAD_VERSION_NO_PAYLOAD =
      "{\"event_type\":\"DeviceSynced\",\"schema_version\":1,\"entity_key\":\"device-3\",\"entity_version\":-1}";

  private static PubSubEmulator emulator;
  private static PubSubTestResources pubsub;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path dir;

  @BeforeAll
  static void startEmulator() {
    emulator = Emulators.start("producer-cli-it");
    pubsub = PubSubTestResources.connect(emulator.host(), Emulators.PROJECT);
  }

  @AfterAll
  static void stopEmulator() {
    if (pubsub != null) {
      pubsub.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void a_file_with_bad_lines_publishes_the_good_ones_reports_the_bad_ones_and_exits_1()
      throws IOException {
    ProjectSubscriptionName subscription = topicWithSubscription("mixed");
    Path file =
        Files.writeString(
            dir.resolve("events.jsonl"),
            String.join("\n", GOOD_1, BAD_VERSION_NO_PAYLOAD, "", "{not json", GOOD_2) + "\n");

    try (MessageCollector collector = MessageCollector.start(pubsub, subscription)) {
      int code =
          run(
              null,
              "publish",
              "--topic",
              topic("mixed"),
              "--emulator",
              emulator.host(),
              "--file",
              file.toString(),
              "--heartbeat-interval",
              "0s");

      assertThat(code).isEqualTo(ExitCodes.FAILURE);
      assertThat(out()).isEqualTo("published=2 rejected=2 failed=0\n");
      assertThat(err().lines())
          .contains(
              "line 2: entity_version: must be a positive 64-bit integer in digits only, was '-1'; "
                  + "payload: must be a JSON object, was missing")
          .anySatisfy(
              l -> assertThat(l).startsWith("line 4: $: must be one JSON object per line: "));
      List<PubsubMessage> received = collector.await(2);
      assertThat(received)
          .extracting(m -> m.getAttributesOrThrow("entity_key"))
          .containsExactlyInAnyOrder("device-1", "device-2");
      assertThat(received)
          .filteredOn(m -> m.getAttributesOrThrow("event_id").equals("evt-2"))
          .singleElement()
          .satisfies(m -> assertThat(m.getData().toStringUtf8()).isEqualTo("{\"battery\":55}"));
    }
  }

  @Test
  void valid_events_on_stdin_are_all_published_and_exit_0() {
    ProjectSubscriptionName subscription = topicWithSubscription("stdin");
    String input = GOOD_1 + "\n" + GOOD_2 + "\n";

    try (MessageCollector collector = MessageCollector.start(pubsub, subscription)) {
      int code =
          run(
              input,
              "publish",
              "--topic",
              topic("stdin"),
              "--emulator",
              emulator.host(),
              "--ordering",
              "--heartbeat-interval",
              "0s");

      assertThat(code).isEqualTo(ExitCodes.OK);
      assertThat(out()).isEqualTo("published=2 rejected=0 failed=0\n");
      assertThat(collector.await(2))
          .extracting(PubsubMessage::getOrderingKey)
          .contains("device-1", "device-2");
    }
  }

  @Test
  void a_heartbeat_with_the_producer_id_is_published_while_it_runs() {
    ProjectSubscriptionName subscription = topicWithSubscription("heartbeat");

    try (MessageCollector collector = MessageCollector.start(pubsub, subscription)) {
      int code =
          run(
              GOOD_1 + "\n",
              "publish",
              "--topic",
              topic("heartbeat"),
              "--emulator",
              emulator.host(),
              "--producer-id",
              "cli-producer-1");

      assertThat(code).isEqualTo(ExitCodes.OK);
      assertThat(out()).isEqualTo("published=1 rejected=0 failed=0\n");
      assertThat(collector.await(2))
          .filteredOn(m -> m.getAttributesOrThrow("event_type").equals("lagline.heartbeat"))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.getAttributesOrThrow("entity_key")).isEqualTo("cli-producer-1");
                assertThat(Long.parseLong(m.getAttributesOrThrow("entity_version")))
                    .isGreaterThan(1_700_000_000_000L);
                assertThat(m.getData().toStringUtf8()).isEqualTo("{\"interval_ms\":10000}");
              });
    }
  }

  @Test
  void a_topic_that_does_not_exist_ends_with_how_to_create_it_not_a_stack_trace() {
    int code =
        run(
            GOOD_1 + "\n" + GOOD_2 + "\n",
            "publish",
            "--topic",
            topic("missing-topic"),
            "--emulator",
            emulator.host());

    assertThat(code).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(out()).isEqualTo("published=0 rejected=0 failed=2\n");
    assertThat(err())
        .contains(
            "error: topic projects/demo-project/topics/missing-topic does not exist: create it (gcloud pubsub topics"
                + " create missing-topic --project=demo-project) or fix the topic name")
        .doesNotContain("\tat ");
  }

  @Test
  void the_packaged_jar_publishes_a_file() throws Exception {
    Path jar = Path.of("target", "producer.jar");
    assertThat(jar).as("run after 'package'").isRegularFile();
    ProjectSubscriptionName subscription = topicWithSubscription("jar");
    Path file =
        Files.writeString(dir.resolve("jar.jsonl"), GOOD_1 + "\n" + BAD_VERSION_NO_PAYLOAD + "\n");
    Path stdout = dir.resolve("stdout");
    Path stderr = dir.resolve("stderr");

    try (MessageCollector collector = MessageCollector.start(pubsub, subscription)) {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "publish",
                  "--topic",
                  topic("jar"),
                  "--emulator",
                  emulator.host(),
                  "--file",
                  file.toString(),
                  "--heartbeat-interval",
                  "0s")
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      boolean exited = process.waitFor(60, TimeUnit.SECONDS);
      if (!exited) {
        process.destroyForcibly();
      }

      assertThat(exited).isTrue();
      assertThat(process.exitValue()).as(Files.readString(stderr)).isEqualTo(ExitCodes.FAILURE);
      assertThat(Files.readString(stdout)).isEqualTo("published=1 rejected=1 failed=0\n");
      assertThat(Files.readString(stderr))
          .contains("line 2: entity_version: must be a positive 64-bit integer in digits only");
      assertThat(collector.await(1))
          .extracting(m -> m.getAttributesOrThrow("entity_key"))
          .containsExactly("device-1");
    }
  }

  private static ProjectSubscriptionName topicWithSubscription(String topic) {
    pubsub.createTopic(topic);
    return pubsub.createSubscription(topic + "-sub", topic);
  }

  private static String topic(String id) {
    return "projects/" + Emulators.PROJECT + "/topics/" + id;
  }

  private int run(String stdin, String... args) {
    InputStream in =
        new ByteArrayInputStream(
            stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8));
    return ProducerMain.run(
        args,
        in,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
