package io.lagline.testkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import io.lagline.testkit.cassandra.CassandraNodeOptions;
import io.lagline.testkit.cassandra.CommitLogSync;
import io.lagline.testkit.pubsub.PubSubRoundTrip;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded stack against the real emulator and a real Cassandra node, including a node outage.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(KeepLogsOnFailure.class)
class LocalStackIT {
  private static LocalStack stack;
  private static CqlSession session;

  @BeforeAll
  static void startStack() {
    // GROUP sync: the crash test expects every acknowledged write back after kill()
    CassandraNodeOptions cassandra =
        CassandraNodeOptions.builder()
            .commitLogSync(CommitLogSync.GROUP)
            .commitLogSyncWindow(Duration.ofMillis(15))
            .build();
    stack =
        LocalStack.start(
            LocalStackOptions.builder().mode(StackMode.EMBEDDED).cassandra(cassandra).build());
    session = openSession();
    session.execute(
        "CREATE KEYSPACE IF NOT EXISTS lagline_it"
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute(
        "CREATE TABLE IF NOT EXISTS lagline_it.entity (id text PRIMARY KEY, version bigint)");
  }

  @AfterAll
  static void stopStack() {
    if (session != null) {
      session.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @AfterEach
  void nodeIsUpForTheNextTest() {
    if (!stack.cassandra().isRunning()) {
      stack.cassandra().start();
    }
  }

  @Test
  void exposes_loopback_endpoints_a_real_project_id_and_its_logs() {
    assertThat(stack.mode()).isEqualTo(StackMode.EMBEDDED);
    assertThat(stack.pubsubEmulatorHost()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(stack.projectId()).isEqualTo("demo-project");
    assertThat(stack.cassandraContactPoint().getAddress().isLoopbackAddress()).isTrue();
    assertThat(stack.cassandraContactPointsString())
        .isEqualTo("127.0.0.1:" + stack.cassandraContactPoint().getPort());
    assertThat(stack.localDatacenter()).isEqualTo("datacenter1");
    assertThat(stack.cassandra().releaseVersion()).startsWith("5.0");
    assertThat(stack.emulator().logFile()).exists().isRegularFile();
    assertThat(stack.cassandra().systemLog()).exists();
    assertThat(stack.emulator().logFile().startsWith(stack.logDir())).isTrue();
    assertThat(stack.cassandra().dataDir().startsWith(stack.logDir())).isTrue();
  }

  @Test
  void publishes_and_pulls_a_message_through_the_emulator() throws Exception {
    try (PubSubTestResources pubsub = stack.connectPubSub()) {
      PubSubRoundTrip.publishAndPullOne(pubsub, "it-events", "it-events-reconciler");
    }
  }

  @Test
  void a_row_survives_a_graceful_restart_on_the_same_data_dir() {
    session.execute("INSERT INTO lagline_it.entity (id, version) VALUES ('graceful', 7)");

    stack.cassandra().stop();

    assertThat(stack.cassandra().isRunning()).isFalse();
    assertThatThrownBy(
            () -> session.execute("SELECT version FROM lagline_it.entity WHERE id = 'graceful'"))
        .isInstanceOf(AllNodesFailedException.class);

    stack.cassandra().start();

    assertThat(versionOnceReachable("graceful")).isEqualTo(7L);
  }

  @Test
  void a_write_acknowledged_before_a_crash_is_replayed_from_the_commit_log() throws Exception {
    session.execute("INSERT INTO lagline_it.entity (id, version) VALUES ('crash', 11)");

    stack.cassandra().kill();

    assertThat(stack.cassandra().isRunning()).isFalse();
    stack.cassandra().start();

    assertThat(versionOnceReachable("crash")).isEqualTo(11L);
    assertThat(Files.readString(stack.cassandra().systemLog())).contains("Replaying");
  }

  /** The driver reconnects on its own; wait for it rather than for a fixed time. */
  private static long versionOnceReachable(String id) {
    long[] version = new long[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Row row =
                  session
                      .execute("SELECT version FROM lagline_it.entity WHERE id = '" + id + "'")
                      .one();
              assertThat(row).isNotNull();
              version[0] = row.getLong("version");
            });
    return version[0];
  }

  private static CqlSession openSession() {
    DriverConfigLoader config =
        DriverConfigLoader.programmaticBuilder()
            // schema changes on a busy two-core machine can take longer than the 2 s default
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(1))
            .build();
    return stack.cqlSessionBuilder().withConfigLoader(config).build();
  }
}
