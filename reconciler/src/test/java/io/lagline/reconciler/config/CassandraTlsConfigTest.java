package io.lagline.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraTlsConfigTest {
  @TempDir Path dir;
  Path ca;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("mapping.yaml"), "events: []\n");
    ca = Files.writeString(dir.resolve("ca.pem"), "pem");
  }

  private Path config(String cassandraExtra) throws IOException {
    return Files.writeString(
        dir.resolve("reconciler.yaml"),
        """
        pubsub:
          subscription: projects/demo-project/subscriptions/events
          dead-letter: { topic: projects/demo-project/topics/events-dead-letter }
        cassandra:
          contact-points: [127.0.0.1:9042]
          local-datacenter: dc1
          keyspace: fitness
        %s
        mapping:
          file: mapping.yaml
        """
            .formatted(cassandraExtra.indent(2).stripTrailing()));
  }

  @Test
  void tls_is_off_by_default_with_hostname_verification_on_when_enabled() throws IOException {
    CassandraTls tls = ConfigLoader.load(config(""), Map.of()).cassandra().tls();

    assertThat(tls.enabled()).isFalse();
    assertThat(tls.hostnameVerification()).isTrue();
  }

  @Test
  void a_ca_file_and_secrets_from_the_environment_are_read_and_masked() throws IOException {
    Path store = Files.writeString(dir.resolve("client.p12"), "x");
    ReconcilerConfig config =
        ConfigLoader.load(
            config("tls: { enabled: true, ca-file: " + ca + ", keystore-file: " + store + " }"),
            Map.of("LAGLINE_CASSANDRA_TLS_KEYSTORE_PASSWORD", "s3cret"));

    CassandraTls tls = config.cassandra().tls();
    assertThat(tls.enabled()).isTrue();
    assertThat(tls.caFile()).isEqualTo(ca);
    assertThat(tls.keystorePassword().reveal()).isEqualTo("s3cret");
    assertThat(tls.mutual()).isTrue();
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void a_password_file_is_read_trimmed() throws IOException {
    Path store = Files.writeString(dir.resolve("trust.p12"), "x");
    Path pw = Files.writeString(dir.resolve("pw"), "changeit\n");
    CassandraTls tls =
        ConfigLoader.load(
                config(
                    "tls:\n  enabled: true\n  truststore-file: "
                        + store
                        + "\n  truststore-password-file: "
                        + pw),
                Map.of())
            .cassandra()
            .tls();

    assertThat(tls.truststorePassword().reveal()).isEqualTo("changeit");
  }

  @Test
  void every_tls_problem_is_reported_at_once_naming_key_value_and_rule() throws IOException {
    Path cert = Files.writeString(dir.resolve("client.pem"), "x");
    Path store = Files.writeString(dir.resolve("client.p12"), "x");
    Path file =
        config("tls: { enabled: true, cert-file: " + cert + ", keystore-file: " + store + " }");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ConfigProblem::key)
                  .containsExactlyInAnyOrder(
                      "cassandra.tls.enabled",
                      "cassandra.tls.cert-file",
                      "cassandra.tls.keystore-file",
                      "cassandra.tls.keystore-file");
              assertThat(e.getMessage())
                  .contains("cassandra.tls.enabled = 'true'")
                  .contains("needs cassandra.tls.ca-file or cassandra.tls.truststore-file")
                  .contains("cassandra.tls.cert-file and cassandra.tls.key-file go together")
                  .contains("not both")
                  .contains("cassandra.tls.keystore-password");
            });
  }

  @Test
  void tls_files_without_enabled_are_rejected_rather_than_ignored() throws IOException {
    Path file = config("tls: { ca-file: " + ca + " }");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessageContaining("cassandra.tls.enabled = 'false'")
        .hasMessageContaining("must be true when cassandra.tls files are given");
  }

  @Test
  void a_ca_file_that_does_not_exist_names_its_key() throws IOException {
    Path file = config("tls: { enabled: true, ca-file: /nowhere/ca.pem }");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessageContaining("cassandra.tls.ca-file = '/nowhere/ca.pem'")
        .hasMessageContaining("must name an existing file");
  }

  @Test
  void a_secret_given_twice_is_masked_in_the_problem() throws IOException {
    Path store = Files.writeString(dir.resolve("trust.p12"), "x");
    Path pw = Files.writeString(dir.resolve("pw"), "changeit");
    Path file =
        config(
            "tls:\n  enabled: true\n  truststore-file: "
                + store
                + "\n  truststore-password-file: "
                + pw);

    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    file, Map.of("LAGLINE_CASSANDRA_TLS_TRUSTSTORE_PASSWORD", "hunter2")))
        .hasMessageContaining("cassandra.tls.truststore-password = '****'")
        .hasMessageNotContaining("hunter2");
  }
}
