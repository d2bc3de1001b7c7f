package io.lagline.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cassandra.CassandraNodeOptions;
import io.lagline.testkit.cassandra.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One local node whose native port speaks TLS only ({@code client_encryption_options}, {@code
 * optional: false}), as managed services do: the reconciler's commands connect over TLS with {@code
 * cassandra.tls.*}, and a wrong CA or a plaintext client ends at start-up in one line naming the
 * key to fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CassandraTlsIT {
  Path dir;
  TestCertificates certs;
  Path wrongCa;
  CassandraNode node;

  @BeforeAll
  void startNode() throws IOException {
    dir = Files.createTempDirectory("cassandra-tls-it");
    Path certDir = Files.createDirectories(dir.resolve("certs"));
    certs = TestCertificates.create(certDir);
    wrongCa = TestCertificates.unrelatedCa(certDir, "wrong-ca");
    Files.writeString(dir.resolve("mapping.yaml"), TestMappings.DEVICES_YAML);
    node =
        CassandraNode.start(
            CassandraNodeOptions.builder().clientEncryption(certs).build(), dir.resolve("node"));
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private Path config(String name, String tls) throws IOException {
    String yaml =
        """
        pubsub:
          subscription: projects/tls-it/subscriptions/events-sub
          dead-letter: { topic: projects/tls-it/topics/events-dlq }
        cassandra:
          contact-points: [127.0.0.1:%d]
          local-datacenter: %s
          keyspace: tls_it
          request-timeout: 5s
          tls: %s
        mapping:
          file: mapping.yaml
        schema:
          replication: { class: SimpleStrategy, replication_factor: 1 }
        """
            .formatted(node.contactPoint().getPort(), node.localDatacenter(), tls);
    return Files.writeString(dir.resolve(name + ".yaml"), yaml);
  }

  private static void assertOneLine(Pipeline.CliResult result) {
    assertThat(result.code()).as(result.toString()).isEqualTo(1);
    assertThat(result.err()).as("one message, not a stack trace").doesNotContain("\tat ");
    assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
  }

  @Test
  void schema_apply_and_the_session_write_and_read_over_tls() throws IOException {
    Path file = config("good", "{ enabled: true, ca-file: '" + certs.caPem() + "' }");

    Pipeline.CliResult schema = Pipeline.cli("schema", "--apply", "--config", file.toString());
    assertThat(schema.code()).as(schema.toString()).isZero();

    ReconcilerConfig config = ConfigLoader.load(file, Map.of());
    try (CqlSession session = CassandraSessions.open(config.cassandra(), null)) {
      session.execute("CREATE TABLE IF NOT EXISTS tls_it.tls_check (k text PRIMARY KEY, v text)");
      session.execute("INSERT INTO tls_it.tls_check (k, v) VALUES ('over', 'tls')");
      assertThat(session.execute("SELECT v FROM tls_it.tls_check WHERE k = 'over'").one())
          .isNotNull()
          .extracting(row -> row.getString("v"))
          .isEqualTo("tls");
    }
    System.out.println("over TLS: " + schema.out().strip().lines().reduce((a, b) -> b).orElse(""));
  }

  @Test
  void a_wrong_ca_fails_at_start_up_in_one_line_naming_the_key() throws IOException {
    Path file = config("wrong-ca", "{ enabled: true, ca-file: '" + wrongCa + "' }");

    Pipeline.CliResult result = Pipeline.cli("schema", "--apply", "--config", file.toString());

    assertOneLine(result);
    assertThat(result.err())
        .contains("TLS handshake")
        .contains("cassandra.tls.ca-file '" + wrongCa + "'");
    System.out.println("wrong CA: " + result.err().strip());
  }

  @Test
  void plaintext_to_a_tls_only_node_says_to_enable_tls() throws IOException {
    Path file = config("plaintext", "{ enabled: false }");

    Pipeline.CliResult result = Pipeline.cli("schema", "--apply", "--config", file.toString());

    assertOneLine(result);
    assertThat(result.err()).contains("cassandra.tls.enabled: true").contains("require");
    System.out.println("plaintext: " + result.err().strip());
  }
}
