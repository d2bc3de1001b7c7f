package io.lagline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.cli.ExitCodes;
import io.lagline.producer.publish.PublisherKey;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.testkit.pubsub.ExternalAccountFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class ProducerMainTest {
  private static final String TOPIC = "projects/demo-project/topics/events";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Map<String, String> env = Map.of();

  @TempDir Path dir;

  @Test
  void a_topic_that_is_not_a_full_name_is_a_usage_error() {
    int code = run("publish", "--topic", "events", "--emulator", "127.0.0.1:1");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err())
        .contains("Invalid value for option '--topic'")
        .contains("must have the form projects/{project}/topics/{topic}");
    assertThat(out()).isEmpty();
  }

  @Test
  void a_missing_topic_is_a_usage_error() {
    assertThat(run("publish")).isEqualTo(ExitCodes.USAGE);
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

    assertThat(code).isEqualTo(ExitCodes.USAGE);
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
        .isEqualTo(ExitCodes.USAGE);
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

    assertThat(code).isEqualTo(ExitCodes.USAGE);
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

    assertThat(code).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(err().lines())
        .singleElement()
        .asString()
        .startsWith("error: cannot reach the Pub/Sub emulator at 127.0.0.1:" + closedPort)
        .contains("gcloud beta emulators pubsub start");
  }

  @Test
  void a_workload_identity_configuration_is_accepted_up_to_the_token_exchange() {
    ExternalAccountFile credentials = ExternalAccountFile.unreachableTokenEndpoint(dir);
    long start = System.nanoTime();

    int code =
        run(
            "publish",
            "--topic",
            TOPIC,
            "--emulator",
            "",
            "--credentials-file",
            credentials.file().toString());

    assertThat(code).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(err().lines())
        .singleElement()
        .asString()
        .startsWith(
            "error: --credentials-file = "
                + credentials.file()
                + " (external_account): could not exchange the workload identity token at "
                + credentials.tokenUrl()
                + ": ConnectException: Connection refused");
    // no publisher was created: the exchange fails before any RPC, not after the retry budget
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(out()).isEmpty();
  }

  @Test
  void a_malformed_emulator_address_is_a_usage_error() {
    assertThat(run("publish", "--topic", TOPIC, "--emulator", "localhost"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err())
        .startsWith("error: --emulator: emulator address 'localhost' must be HOST:PORT");
  }

  @Test
  void no_command_is_a_usage_error() {
    assertThat(run()).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("missing command");
  }

  @Test
  void every_publisher_setting_has_a_flag_defaulting_to_the_settings_default() {
    CommandLine command =
        new CommandLine(new PublishCommand(new ByteArrayInputStream(new byte[0]), Map.of()));

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
  void settings_come_from_the_config_file_and_the_environment_and_a_flag_wins() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("producer.yaml"),
            "publisher:\n  batch: {max-messages: 100, delay: 5ms}\n  ordering: true\n");
    env = Map.of(PublisherKey.BATCH_DELAY.envName(), "20ms");

    PublisherSettings settings =
        parsed("--config", config.toString(), "--batch-max-messages", "200").settings();

    assertThat(settings)
        .isEqualTo(
            PublisherSettings.builder()
                .batchMaxMessages(200)
                .batchDelay(Duration.ofMillis(20))
                .ordering(true)
                .build());
  }

  @Test
  void a_bad_key_in_the_config_file_is_a_usage_error_naming_key_value_and_file()
      throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("producer.yaml"),
            "publisher:\n  batch: {max-bytes: 0}\n  bach: {delay: 5ms}\n");

    int code =
        run(
            "publish",
            "--topic",
            TOPIC,
            "--emulator",
            "127.0.0.1:1",
            "--config",
            config.toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err())
        .startsWith("error: invalid configuration (2 problems):")
        .contains("publisher.batch.max-bytes = '0' [" + config + "]: must be an integer from 1")
        .contains("publisher.bach.delay = (missing) [" + config + "]: is not a known key")
        .doesNotContain("\tat ");
  }

  /** {@code publish --topic TOPIC args}, parsed as {@code producer} parses it. */
  private PublishCommand parsed(String... args) {
    CommandLine cli =
        ProducerMain.commandLine(
            new ByteArrayInputStream(new byte[0]),
            env,
            new PrintWriter(out, true, StandardCharsets.UTF_8),
            new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.parseArgs(
        Stream.concat(Stream.of("publish", "--topic", TOPIC), Stream.of(args))
            .toArray(String[]::new));
    return cli.getSubcommands().get("publish").getCommand();
  }

  @Test
  void a_bad_schema_in_the_contracts_directory_is_a_usage_error_naming_the_file()
      throws IOException {
    Files.createDirectories(dir.resolve("DeviceSynced"));
    Files.writeString(dir.resolve("DeviceSynced/1.json"), "{\"type\": 7}");

    int code =
        run(
            "publish",
            "--topic",
            TOPIC,
            "--emulator",
            "127.0.0.1:1",
            "--contracts",
            dir.toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err())
        .contains("--contracts " + dir + ": cannot load the event contracts in " + dir)
        .contains("DeviceSynced/1.json: not a valid JSON Schema 2020-12: /type");
  }

  @Test
  void help_shows_each_default() {
    assertThat(run("publish", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out()).contains("Messages per batch (1000)").contains("Bytes per batch (1048576)");
  }

  private int run(String... args) {
    return ProducerMain.run(
        args,
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
