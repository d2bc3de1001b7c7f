package io.lagline.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.TestMappings;
import io.lagline.testkit.cassandra.CassandraAuthenticator;
import io.lagline.testkit.cassandra.CassandraNodeOptions;
import io.lagline.testkit.pubsub.ExternalAccountFile;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.KeepLogsOnFailure;
import io.lagline.testkit.stack.LocalStack;
import io.lagline.testkit.stack.LocalStackOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad configuration against real infrastructure: each case stops at start-up with one line naming
 * the cause and the key to fix, a non-zero exit code, and nothing left running (the admin port is
 * free again). The Cassandra node requires a password here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KeepLogsOnFailure.class)
class StartupErrorsIT {
  LocalStack stack;
  PubSubTestResources pubsub;
  Path dir;

  @BeforeAll
  void startStack() throws IOException {
    stack =
        LocalStack.start(
            LocalStackOptions.builder()
                .cassandra(
                    CassandraNodeOptions.builder()
                        .authenticator(CassandraAuthenticator.PASSWORD)
                        .build())
                .build());
    pubsub = stack.connectPubSub();
    dir = Files.createTempDirectory("startup-errors-it");
    pubsub.createTopic("events");
    pubsub.createSubscription("events-sub", "events");
    pubsub.createTopic("events-dlq");
    Files.writeString(dir.resolve("mapping.yaml"), TestMappings.DEVICES_YAML);
    Files.writeString(
        dir.resolve("good-password"), CassandraAuthenticator.DEFAULT_SUPERUSER_PASSWORD);
    Files.writeString(dir.resolve("bad-password"), "not-the-password");
    Pipeline.CliResult schema =
        Pipeline.cli("schema", "--apply", "--config", config("good", "").toString());
    assertThat(schema.code()).as(schema.toString()).isZero();
  }

  @AfterAll
  void stopStack() {
    if (pubsub != null) {
      pubsub.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private Path config(String name, String overrides) throws IOException {
    String yaml =
        String.format(
            """
            pubsub:
              subscription: projects/%1$s/subscriptions/events-sub
              dead-letter: { topic: projects/%1$s/topics/events-dlq }
              emulator-host: %2$s
            cassandra:
              contact-points: [%3$s]
              local-datacenter: %4$s
              keyspace: startup
              username: cassandra
              password-file: %6$s
              request-timeout: 5s
            mapping:
              file: mapping.yaml
            admin: { host: 127.0.0.1, port: %5$d }
            schema:
              replication: { class: SimpleStrategy, replication_factor: 1 }
            """,
            stack.projectId(),
            stack.pubsubEmulatorHost(),
            stack.cassandraContactPointsString(),
            stack.localDatacenter(),
            adminPort,
            dir.resolve("good-password"));
    for (String line : overrides.split("\n")) {
      if (!line.isBlank()) {
        String[] kv = line.split("=", 2);
        yaml = yaml.replaceFirst("(?m)(^\\s*)" + kv[0] + ":.*$", "$1" + kv[0] + ": " + kv[1]);
      }
    }
    return Files.writeString(dir.resolve(name + ".yaml"), yaml);
  }

  private final int adminPort = freePort();

  private Pipeline.CliResult run(String name, String overrides) throws IOException {
    Pipeline.CliResult result = Pipeline.cli("run", "--config", config(name, overrides).toString());
    assertThat(result.err()).as("one message, not a stack trace").doesNotContain("\tat ");
    assertThat(adminPortIsFree()).as("nothing left listening after a failed start").isTrue();
    return result;
  }

  @Test
  void wrong_cassandra_credentials() throws IOException {
    Pipeline.CliResult result = run("bad-password", "password-file=" + dir.resolve("bad-password"));

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .contains("rejected the credentials")
        .contains("cassandra.username")
        .contains("cassandra.password");
  }

  @Test
  void a_keyspace_that_does_not_exist() throws IOException {
    Pipeline.CliResult result = run("no-keyspace", "keyspace=nowhere");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("keyspace 'nowhere'").contains("cassandra.keyspace");
  }

  @Test
  void a_mapping_column_the_table_does_not_have() throws IOException {
    Files.writeString(
        dir.resolve("grown.yaml"),
        TestMappings.DEVICES_YAML.replace(
            "steps: { from: payload.steps, type: int }",
            "steps: { from: payload.steps, type: int }\n"
                + "          calories: { from: payload.calories, type: int, required: false }"));
    Pipeline.CliResult result = run("unknown-column", "file=grown.yaml");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .contains("startup.device_state")
        .contains("calories")
        .contains("mapping.file");
  }

  @Test
  void a_mapping_type_that_does_not_exist() throws IOException {
    Files.writeString(
        dir.resolve("badtype.yaml"),
        TestMappings.DEVICES_YAML.replace(
            "steps: { from: payload.steps, type: int }",
            "steps: { from: payload.steps, type: integer128 }"));
    Pipeline.CliResult result = run("unknown-type", "file=badtype.yaml");

    assertThat(result.code()).isNotZero();
    assertThat(result.err()).contains("integer128").contains("steps");
  }

  @Test
  void an_unreachable_emulator() throws IOException {
    Pipeline.CliResult result = run("no-emulator", "emulator-host=127.0.0.1:" + freePort());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("pubsub.emulator-host");
  }

  @Test
  void a_dead_letter_topic_that_does_not_exist() throws IOException {
    Pipeline.CliResult result =
        run(
            "no-dlq",
            "dead-letter={ topic: projects/" + stack.projectId() + "/topics/missing-dlq }");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("missing-dlq").contains("pubsub.dead-letter.topic");
  }

  @Test
  void a_reconciled_topic_that_does_not_exist() throws IOException {
    Path file = config("no-reconciled", "");
    String topic = "projects/" + stack.projectId() + "/topics/missing-reconciled";
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "  emulator-host:", "  reconciled: { topic: " + topic + " }\n  emulator-host:"));
    Pipeline.CliResult result = Pipeline.cli("run", "--config", file.toString());

    assertThat(result.err()).as("one message, not a stack trace").doesNotContain("\tat ");
    assertThat(adminPortIsFree()).as("nothing left listening after a failed start").isTrue();
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("missing-reconciled").contains("pubsub.reconciled.topic");
  }

  @Test
  void a_subscription_that_does_not_exist() throws IOException {
    Pipeline.CliResult result =
        run(
            "no-subscription",
            "subscription=projects/" + stack.projectId() + "/subscriptions/missing-sub");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("missing-sub").contains("pubsub.subscription");
  }

  @Test
  void an_unreadable_pubsub_credentials_file() throws IOException {
    Files.writeString(dir.resolve("creds.json"), "{ this is not a key file");
    String yaml = Files.readString(config("bad-creds", ""));
    yaml =
        yaml.replaceFirst(
            "(?m)^\\s*emulator-host:.*$", "  credentials-file: " + dir.resolve("creds.json"));
    Path file = Files.writeString(dir.resolve("bad-creds.yaml"), yaml);

    Pipeline.CliResult result = Pipeline.cli("run", "--config", file.toString());

    assertThat(result.code()).isNotZero();
    assertThat(result.err()).contains("pubsub.credentials-file").doesNotContain("\tat ");
    assertThat(adminPortIsFree()).isTrue();
  }

  @Test
  void a_workload_identity_token_that_cannot_be_exchanged() throws IOException {
    // Cassandra is real and reachable; Pub/Sub is "Google" with an external_account whose token
    // endpoint is a closed port on 127.0.0.1, so run stops at the exchange, before any Pub/Sub RPC
    Path wif = Files.createDirectories(dir.resolve("wif"));
    ExternalAccountFile credentials = ExternalAccountFile.unreachableTokenEndpoint(wif);
    String yaml = Files.readString(config("wif", ""));
    yaml =
        yaml.replaceFirst(
            "(?m)^\\s*emulator-host:.*$", "  credentials-file: " + credentials.file());
    Path file = Files.writeString(dir.resolve("wif.yaml"), yaml);

    Pipeline.CliResult result = Pipeline.cli("run", "--config", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err())
        .startsWith(
            "error: pubsub.credentials-file = "
                + credentials.file()
                + " (external_account): could not exchange the workload identity token at "
                + credentials.tokenUrl()
                + ": ConnectException: Connection refused")
        .doesNotContain("\tat ");
    assertThat(adminPortIsFree()).isTrue();
  }

  private boolean adminPortIsFree() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", adminPort));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
