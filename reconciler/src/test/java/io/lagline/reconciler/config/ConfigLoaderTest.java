package io.lagline.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;
  Path mapping;

  @BeforeEach
  void mappingFile() throws IOException {
    mapping = Files.writeString(dir.resolve("mapping.yaml"), "events: []\n");
  }

  private Path config(String yaml) throws IOException {
    return Files.writeString(dir.resolve("reconciler.yaml"), yaml);
  }

  private static final String MINIMAL =
      """
      pubsub:
        subscription: projects/demo-project/subscriptions/events
        dead-letter: { topic: projects/demo-project/topics/events-dead-letter }
      cassandra:
        contact-points: [127.0.0.1:9042]
        local-datacenter: dc1
        keyspace: fitness
      mapping:
        file: mapping.yaml
      """;

  @Test
  void a_minimal_file_gets_the_documented_defaults() throws IOException {
    ReconcilerConfig config = ConfigLoader.load(config(MINIMAL), Map.of());

    assertThat(config.pubsub().projectId()).isEqualTo("demo-project");
    assertThat(config.pubsub().subscriptionId()).isEqualTo("events");
    assertThat(config.pubsub().emulatorHost()).isNull();
    assertThat(config.pubsub().parallelPullCount())
        .isEqualTo(PubSubConfig.DEFAULT_PARALLEL_PULL_COUNT);
    assertThat(config.cassandra().consistency())
        .isEqualTo(CassandraConfig.Consistency.LOCAL_QUORUM);
    assertThat(config.cassandra().serialConsistency())
        .isEqualTo(CassandraConfig.Consistency.LOCAL_SERIAL);
    assertThat(config.mappingFile()).isEqualTo(mapping.toAbsolutePath());
    assertThat(config.admin().port()).isEqualTo(AdminConfig.DEFAULT_PORT);
    assertThat(config.schema().replication())
        .containsEntry("class", "NetworkTopologyStrategy")
        .containsEntry("dc1", "3");
    assertThat(config.deadLetter())
        .isEqualTo(
            new DeadLetterConfig(
                "projects/demo-project/topics/events-dead-letter",
                null,
                DeadLetterConfig.DEFAULT_MAX_DELIVERY_ATTEMPTS));
    assertThat(config.outage())
        .isEqualTo(
            new OutageConfig(
                OutageConfig.DEFAULT_FAILURE_RATE_PERCENT,
                OutageConfig.DEFAULT_MIN_WRITES,
                OutageConfig.DEFAULT_WINDOW,
                OutageConfig.DEFAULT_PROBE_INTERVAL));
    assertThat(config.shutdown().drainTimeout()).isEqualTo(ShutdownConfig.DEFAULT_DRAIN_TIMEOUT);
    assertThat(config.pubsub().maxAckExtension()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void the_topic_retention_defaults_to_a_week_and_accepts_what_pubsub_accepts() throws IOException {
    Path file = config(MINIMAL);

    assertThat(ConfigLoader.load(file, Map.of()).pubsub().topicRetention())
        .isEqualTo(PubSubConfig.DEFAULT_TOPIC_RETENTION)
        .isEqualTo(Duration.ofDays(7));
    assertThat(
            ConfigLoader.load(file, Map.of("LAGLINE_PUBSUB_TOPIC_RETENTION", "10m"))
                .pubsub()
                .topicRetention())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(
            ConfigLoader.load(file, Map.of("LAGLINE_PUBSUB_TOPIC_RETENTION", "31d"))
                .pubsub()
                .topicRetention())
        .isEqualTo(Duration.ofDays(31));
  }

  @Test
  void a_topic_retention_pubsub_refuses_is_an_error_naming_the_key() throws IOException {
    Path file = config(MINIMAL);

    for (String value : new String[] {"9m", "32d", "a week"}) {
      assertThatThrownBy(
              () -> ConfigLoader.load(file, Map.of("LAGLINE_PUBSUB_TOPIC_RETENTION", value)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("pubsub.topic-retention = '" + value + "'")
          .hasMessageContaining("from 10m to 31d");
    }
  }

  @Test
  void the_dead_letter_topic_is_required_and_checked() throws IOException {
    Path missing =
        config(
            MINIMAL.replace(
                "  dead-letter: { topic: projects/demo-project/topics/events-dead-letter }\n", ""));
    assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
        .hasMessageContaining("pubsub.dead-letter.topic = (missing)")
        .hasMessageContaining("is required");

    Path file = config(MINIMAL);
    Map<String, String> env =
        Map.of(
            "LAGLINE_PUBSUB_TOPIC", "projects/demo-project/topics/events",
            "LAGLINE_PUBSUB_DEAD_LETTER_TOPIC", "projects/demo-project/topics/events",
            "LAGLINE_PUBSUB_DEAD_LETTER_SUBSCRIPTION", "dlq",
            "LAGLINE_PUBSUB_DEAD_LETTER_MAX_DELIVERY_ATTEMPTS", "3");
    assertThatThrownBy(() -> ConfigLoader.load(file, env))
        .hasMessageContaining("pubsub.dead-letter.topic = 'projects/demo-project/topics/events'")
        .hasMessageContaining("must differ from pubsub.topic")
        .hasMessageContaining("pubsub.dead-letter.subscription = 'dlq'")
        .hasMessageContaining("projects/{project-id}/subscriptions/{subscription-id}")
        .hasMessageContaining("pubsub.dead-letter.max-delivery-attempts = '3'");
  }

  @Test
  void every_key_can_come_from_the_environment() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("LAGLINE_CASSANDRA_CONTACT_POINTS", "10.0.0.1:9042, 10.0.0.2:9043");
    env.put("LAGLINE_PUBSUB_FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES", "500");
    env.put("LAGLINE_RETRY_MAX_BACKOFF", "30s");
    env.put("LAGLINE_CASSANDRA_USERNAME", "reconciler");
    env.put("LAGLINE_CASSANDRA_PASSWORD", "pw");
    env.put("PUBSUB_EMULATOR_HOST", "127.0.0.1:8085");

    ReconcilerConfig config = ConfigLoader.load(config(MINIMAL), env);

    assertThat(config.cassandra().contactPoints())
        .extracting(a -> a.getHostString() + ":" + a.getPort())
        .containsExactly("10.0.0.1:9042", "10.0.0.2:9043");
    assertThat(config.pubsub().maxOutstandingMessages()).isEqualTo(500);
    assertThat(config.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.cassandra().password().reveal()).isEqualTo("pw");
    assertThat(config.cassandra().toString()).doesNotContain("pw,").contains("****");
    assertThat(config.pubsub().emulatorHost()).isEqualTo("127.0.0.1:8085");
  }

  @Test
  void reports_all_problems_at_once_naming_key_value_and_rule() throws IOException {
    Path file =
        config(
            """
            pubsub:
              subscription: my-subscription
              parallel-pull-count: 0
            cassandra:
              contact-points: [localhost]
              keyspace: Fitness-Data
              consistency: local-serial
              username: bob
            mapping:
              file: missing.yaml
            admin:
              port: 99999
            retyr:
              max-attempts: 3
            """);

    assertThatThrownBy(
            () -> ConfigLoader.load(file, Map.of("LAGLINE_CASSANDRA_PASSWORD", "topsecret")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ConfigProblem::key)
                  .contains(
                      "pubsub.subscription",
                      "pubsub.parallel-pull-count",
                      "cassandra.contact-points",
                      "cassandra.local-datacenter",
                      "cassandra.keyspace",
                      "cassandra.consistency",
                      "mapping.file",
                      "admin.port",
                      "retyr.max-attempts");
              assertThat(e.getMessage())
                  .contains("projects/{project-id}/subscriptions/{subscription-id}")
                  .contains("'localhost'", "host:port")
                  .contains("'99999'", "from 0 to 65535")
                  .doesNotContain("topsecret");
            });
  }

  @Test
  void username_without_password_is_rejected() throws IOException {
    Path file = config(MINIMAL);
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("LAGLINE_CASSANDRA_USERNAME", "bob")))
        .hasMessageContaining("cassandra.username")
        .hasMessageContaining("go together");
  }

  @Test
  void audit_and_watermark_default_to_off_and_documented_values() throws IOException {
    ReconcilerConfig config = ConfigLoader.load(config(MINIMAL), Map.of());

    assertThat(config.audit().enabled()).isFalse();
    assertThat(config.audit().subscription()).isNull();
    assertThat(config.audit().sampleRate()).isEqualTo(AuditConfig.DEFAULT_SAMPLE_RATE);
    assertThat(config.audit().gracePeriod()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.audit().repair()).isFalse();
    assertThat(config.watermark().maxProducers()).isEqualTo(100);
    assertThat(config.watermark().forgetAfter()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void audit_keys_are_checked_together_each_problem_naming_its_key() throws IOException {
    Path file =
        config(
            MINIMAL
                + """
                audit:
                  enabled: true
                  sample-rate: 0
                  grace-period: 2h
                  repair: true
                watermark:
                  max-producers: 0
                """);

    assertProblemKeys(
        file,
        Map.of(),
        "audit.subscription",
        "audit.sample-rate",
        "audit.grace-period",
        "audit.repair",
        "watermark.max-producers");
  }

  @Test
  void the_audit_subscription_must_not_be_the_reconcilers_own() throws IOException {
    Path file =
        config(
            MINIMAL
                + """
                audit:
                  subscription: projects/demo-project/subscriptions/events
                """);

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("audit.subscription")
        .hasMessageContaining("must differ from pubsub.subscription");
  }

  @Test
  void the_audit_can_be_switched_on_from_the_environment() throws IOException {
    ReconcilerConfig config =
        ConfigLoader.load(
            config(MINIMAL),
            Map.of(
                "LAGLINE_AUDIT_ENABLED", "true",
                "LAGLINE_AUDIT_SUBSCRIPTION", "projects/demo-project/subscriptions/audit",
                "LAGLINE_AUDIT_SAMPLE_RATE", "0.5"));

    assertThat(config.audit().enabled()).isTrue();
    assertThat(config.audit().sampleRate()).isEqualTo(0.5);
  }

  @Test
  void stream_health_keys_default_to_the_named_constants_and_are_checked_together()
      throws IOException {
    ReconcilerConfig config = ConfigLoader.load(config(MINIMAL), Map.of());
    assertThat(config.intakeHealth())
        .isEqualTo(
            new IntakeHealthConfig(
                IntakeHealthConfig.DEFAULT_STREAM_ERROR_WINDOW,
                IntakeHealthConfig.DEFAULT_STREAM_ERROR_THRESHOLD,
                IntakeHealthConfig.DEFAULT_STALL_TIMEOUT));

    Map<String, String> env =
        Map.of(
            "LAGLINE_PUBSUB_STREAM_ERROR_WINDOW", "5s",
            "LAGLINE_PUBSUB_STREAM_ERROR_THRESHOLD", "0",
            "LAGLINE_PUBSUB_STALL_TIMEOUT", "2h");
    assertProblemKeys(
        config(MINIMAL),
        env,
        "pubsub.stream-error-window",
        "pubsub.stream-error-threshold",
        "pubsub.stall-timeout");
  }

  @Test
  void contracts_are_off_by_default_bundled_or_a_directory_read_from_the_config_s_folder()
      throws IOException {
    assertThat(ConfigLoader.load(config(MINIMAL), Map.of()).contracts()).isNull();
    assertThat(
            ConfigLoader.load(config(MINIMAL), Map.of("LAGLINE_CONTRACTS_DIR", "bundled"))
                .contracts())
        .isEqualTo(ReconcilerConfig.BUNDLED_CONTRACTS);
    Files.createDirectories(dir.resolve("contracts"));
    assertThat(
            ConfigLoader.load(config(MINIMAL + "contracts: { dir: contracts }\n"), Map.of())
                .contracts())
        .isEqualTo(dir.resolve("contracts").toAbsolutePath().toString());
    assertProblemKeys(config(MINIMAL + "contracts: { dir: no-such }\n"), Map.of(), "contracts.dir");
  }

  private static void assertProblemKeys(Path file, Map<String, String> env, String... keys) {
    assertThatThrownBy(() -> ConfigLoader.load(file, env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::key).contains(keys));
  }

  @Test
  void the_reconciled_stream_is_off_by_default_and_its_keys_are_checked_together()
      throws IOException {
    ReconcilerConfig off = ConfigLoader.load(config(MINIMAL), Map.of());
    assertThat(off.reconciled().enabled()).isFalse();
    assertThat(off.reconciled().outcomes())
        .containsExactlyInAnyOrder("applied", "duplicate", "stale", "superseded");

    Path file = config(MINIMAL);
    Map<String, String> on =
        Map.of(
            "LAGLINE_PUBSUB_RECONCILED_TOPIC", "projects/demo-project/topics/reconciled",
            "LAGLINE_PUBSUB_RECONCILED_OUTCOMES", "applied,stale",
            "LAGLINE_PUBSUB_RECONCILED_INCLUDE_PAYLOAD", "false");
    ReconciledConfig reconciled = ConfigLoader.load(file, on).reconciled();
    assertThat(reconciled.topic()).isEqualTo("projects/demo-project/topics/reconciled");
    assertThat(reconciled.outcomes()).containsExactlyInAnyOrder("applied", "stale");
    assertThat(reconciled.includePayload()).isFalse();
    assertThat(reconciled.ordering()).isFalse();

    Map<String, String> wrong =
        Map.of(
            "LAGLINE_PUBSUB_RECONCILED_TOPIC", "projects/demo-project/topics/events-dead-letter",
            "LAGLINE_PUBSUB_RECONCILED_SUBSCRIPTION", "projects/demo-project/subscriptions/events",
            "LAGLINE_PUBSUB_RECONCILED_OUTCOMES", "applied,failed");
    assertThatThrownBy(() -> ConfigLoader.load(file, wrong))
        .hasMessageContaining("pubsub.reconciled.topic")
        .hasMessageContaining("must differ from pubsub.topic and pubsub.dead-letter.topic")
        .hasMessageContaining("pubsub.reconciled.subscription")
        .hasMessageContaining("must differ from pubsub.subscription")
        .hasMessageContaining("pubsub.reconciled.outcomes")
        .hasMessageContaining("'failed' is not one");

    Map<String, String> orphan =
        Map.of(
            "LAGLINE_PUBSUB_RECONCILED_SUBSCRIPTION",
            "projects/demo-project/subscriptions/downstream");
    assertThatThrownBy(() -> ConfigLoader.load(file, orphan))
        .hasMessageContaining("needs pubsub.reconciled.topic");
  }
}
