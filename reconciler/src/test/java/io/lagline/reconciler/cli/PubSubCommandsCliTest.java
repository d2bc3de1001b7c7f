package io.lagline.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.TestMappings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provision} and {@code dlq} without infrastructure: keys a command needs, usage errors, and
 * an emulator that is not there.
 */
class PubSubCommandsCliTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ReconcilerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private static final String TOPIC = "projects/demo-project/topics/events";
  private static final String DEAD_LETTERS = "projects/demo-project/subscriptions/dead-letters";

  /**
   * A config file; {@code topic}, {@code deadLetterSubscription} and {@code emulator} may be null.
   */
  private Path config(String topic, String deadLetterSubscription, String emulator)
      throws IOException {
    Files.writeString(dir.resolve("mapping.yaml"), TestMappings.DEVICES_YAML);
    StringBuilder pubsub =
        new StringBuilder(
            """
            pubsub:
              subscription: projects/demo-project/subscriptions/events
              dead-letter:
                topic: projects/demo-project/topics/events-dead-letter
            """);
    if (deadLetterSubscription != null) {
      pubsub.append("    subscription: ").append(deadLetterSubscription).append('\n');
    }
    if (topic != null) {
      pubsub.append("  topic: ").append(topic).append('\n');
    }
    if (emulator != null) {
      pubsub.append("  emulator-host: ").append(emulator).append('\n');
    }
    return Files.writeString(
        dir.resolve("reconciler.yaml"),
        pubsub
            + """
            cassandra: { contact-points: [127.0.0.1:9042], local-datacenter: dc1, keyspace: fitness }
            mapping: { file: mapping.yaml }
            """);
  }

  /** A loopback port nothing listens on. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void provision_without_pubsub_topic_exits_2_naming_the_key() throws IOException {
    Result result = run("provision", "--config", config(null, null, null).toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("pubsub.topic = (missing)")
        .contains("`reconciler provision`")
        .contains("LAGLINE_PUBSUB_TOPIC");
  }

  @Test
  void dlq_list_without_a_dead_letter_subscription_exits_2_naming_the_key() throws IOException {
    Result result = run("dlq", "list", "--config", config(TOPIC, null, null).toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("pubsub.dead-letter.subscription = (missing)")
        .contains("`reconciler dlq list`");
  }

  @Test
  void dlq_replay_without_pubsub_topic_exits_2_naming_the_key() throws IOException {
    Result result = run("dlq", "replay", "--config", config(null, DEAD_LETTERS, null).toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("pubsub.topic = (missing)")
        .contains("`reconciler dlq replay`");
  }

  @Test
  void a_limit_below_one_is_a_usage_error() throws IOException {
    Path config = config(TOPIC, DEAD_LETTERS, null);

    Result result = run("dlq", "list", "--limit", "0", "--config", config.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--limit must be at least 1");
  }

  @Test
  void an_unreachable_emulator_is_one_line_and_exit_1() throws IOException {
    Path config = config(TOPIC, DEAD_LETTERS, "127.0.0.1:" + closedPort());

    for (String[] args :
        List.of(
            new String[] {"provision", "--config", config.toString()},
            new String[] {"dlq", "list", "--config", config.toString()},
            new String[] {"dlq", "replay", "--dry-run", "--config", config.toString()},
            new String[] {"snapshot", "create", "pinned", "--config", config.toString()},
            new String[] {"snapshot", "list", "--config", config.toString()},
            new String[] {"snapshot", "delete", "pinned", "--config", config.toString()})) {
      Result result = run(args);

      assertThat(result.code()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(result.err().strip().lines()).hasSize(1);
      assertThat(result.err())
          .startsWith("error: cannot reach the Pub/Sub emulator at 127.0.0.1:")
          .contains("pubsub.emulator-host");
    }
  }

  @Test
  void a_snapshot_name_breaking_pubsub_rules_exits_2_naming_it_before_connecting()
      throws IOException {
    Path config = config(TOPIC, null, "127.0.0.1:" + closedPort());

    for (String command : List.of("create", "delete")) {
      Result result = run("snapshot", command, "9lives", "--config", config.toString());

      assertThat(result.code()).as(command).isEqualTo(2);
      assertThat(result.err())
          .contains("NAME = '9lives'")
          .contains("start with a letter")
          .doesNotContain("emulator");
    }
  }

  @Test
  void snapshot_alone_prints_its_usage() {
    Result result = run("snapshot");

    assertThat(result.err()).contains("create").contains("list").contains("delete");
  }

  @Test
  void dlq_alone_prints_its_usage() {
    Result result = run("dlq");

    assertThat(result.err()).contains("list").contains("replay");
  }
}
