package io.lagline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.producer.publish.PublisherKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class ProducerMainTest {
  private static final String TOPIC = "projects/demo-project/topics/events";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void a_topic_that_is_not_a_full_name_is_a_usage_error() {
    int code = run("publish", "--topic", "events", "--emulator", "127.0.0.1:1");

    assertThat(code).isEqualTo(ProducerMain.USAGE);
    assertThat(err())
        .contains("Invalid value for option '--topic'")
        .contains("must have the form projects/{project}/topics/{topic}");
    assertThat(out()).isEmpty();
  }

  @Test
  void a_missing_topic_is_a_usage_error() {
    assertThat(run("publish")).isEqualTo(ProducerMain.USAGE);
    assertThat(err()).contains("Missing required option: '--topic=projects/P/topics/T'");
  }

  @Test
  void bad_settings_are_reported_all_at_once_by_flag() {
    int code =
        run(
            "publish",
            "--topic",
            TOPIC,
            "--emulator",
            "127.0.0.1:1",
            "--batch-max-messages",
            "5000",
            "--flow-control-max-outstanding-bytes",
            "10");

    assertThat(code).isEqualTo(ProducerMain.USAGE);
    assertThat(err().lines())
        .containsExactly(
            "error: invalid publisher settings:",
            "  --batch-max-messages = 5000: must be an integer from 1 to 1000",
            "  --flow-control-max-outstanding-bytes = 10: must be at least --batch-max-bytes (1048576): otherwise a"
                + " batch can never fill and every batch waits for the delay");
  }

  @Test
  void a_duration_flag_must_be_a_duration() {
    assertThat(run("publish", "--topic", TOPIC, "--batch-delay", "soon"))
        .isEqualTo(ProducerMain.USAGE);
    assertThat(err()).contains("'soon' must be a duration such as 250ms, 30s or 5m");
  }

  @Test
  void an_unreadable_file_is_a_usage_error() {
    int code =
        run(
            "publish",
            "--topic",
            TOPIC,
            "--emulator",
            "127.0.0.1:1",
            "--file",
            "/no/such/events.jsonl");

    assertThat(code).isEqualTo(ProducerMain.USAGE);
    assertThat(err())
        .isEqualToIgnoringNewLines(
            "error: cannot read --file /no/such/events.jsonl: it is not a readable file");
  }

  @Test
  void an_unreachable_emulator_ends_with_the_cause_and_the_fix_not_a_stack_trace()
      throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    int code = run("publish", "--topic", TOPIC, "--emulator", "127.0.0.1:" + closedPort);

    assertThat(code).isEqualTo(ProducerMain.PUBSUB_UNUSABLE);
    assertThat(err().lines())
        .singleElement()
        .asString()
        .startsWith("error: cannot reach the Pub/Sub emulator at 127.0.0.1:" + closedPort)
        .contains("gcloud beta emulators pubsub start");
  }

  @Test
  void a_malformed_emulator_address_is_a_usage_error() {
    assertThat(run("publish", "--topic", TOPIC, "--emulator", "localhost"))
        .isEqualTo(ProducerMain.USAGE);
    assertThat(err())
        .startsWith("error: --emulator: emulator address 'localhost' must be HOST:PORT");
  }

  @Test
  void no_command_is_a_usage_error() {
    assertThat(run()).isEqualTo(ProducerMain.USAGE);
    assertThat(err()).contains("missing command");
  }

  @Test
  void every_publisher_setting_has_a_flag_defaulting_to_the_settings_default() {
    CommandLine command =
        new CommandLine(new PublishCommand(new ByteArrayInputStream(new byte[0])));

    for (PublisherKey key : PublisherKey.values()) {
      OptionSpec option = command.getCommandSpec().findOption(key.flag());
      assertThat(option).as(key.flag()).isNotNull();
      assertThat(command.getCommandSpec().defaultValueProvider()).isNotNull();
      assertThat(SettingsDefaults.byFlag()).containsKey(key.flag());
    }
    assertThat(SettingsDefaults.byFlag())
        .containsEntry("--batch-max-bytes", "1048576")
        .containsEntry("--batch-delay", "10ms")
        .containsEntry("--flow-control-limit-exceeded", "block")
        .containsEntry("--publish-timeout", "1m");
  }

  @Test
  void help_shows_each_default() {
    assertThat(run("publish", "--help")).isEqualTo(ProducerMain.OK);
    assertThat(out()).contains("Messages per batch (1000)").contains("Bytes per batch (1048576)");
  }

  private int run(String... args) {
    return ProducerMain.run(
        args,
        new ByteArrayInputStream(new byte[0]),
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
