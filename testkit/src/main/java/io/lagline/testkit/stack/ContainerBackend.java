package io.lagline.testkit.stack;

import io.lagline.testkit.TestkitException;
import io.lagline.testkit.cassandra.CassandraLayout;
import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cassandra.CassandraNodeOptions;
import io.lagline.testkit.cassandra.CassandraYaml;
import io.lagline.testkit.cluster.CassandraCluster;
import io.lagline.testkit.process.CappedLogSink;
import io.lagline.testkit.pubsub.PubSubEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The emulator and Cassandra in Docker containers, for machines without the Cloud SDK. The node
 * gets the same {@code cassandra.yaml} settings as an embedded one; the image's entrypoint then
 * fills in the container's addresses and seeds. Container output goes to capped logs in the stack
 * directory.
 */
final class ContainerBackend implements StackBackend {
  static final String EMULATOR_IMAGE = "gcr.io/google.com/cloudsdktool/google-cloud-cli:emulators";
  static final String CASSANDRA_IMAGE = "cassandra:5.0";
  static final int EMULATOR_PORT = 8085;
  static final int CQL_PORT = 9042;

  /** Pulling the images the first time can take much longer than starting them. */
  private static final Duration PULL_ALLOWANCE = Duration.ofMinutes(5);

  private final GenericContainer<?> emulator;
  private final GenericContainer<?> cassandra;
  private final List<CappedLogSink> logs;

  private ContainerBackend(
      GenericContainer<?> emulator, GenericContainer<?> cassandra, List<CappedLogSink> logs) {
    this.emulator = emulator;
    this.cassandra = cassandra;
    this.logs = logs;
  }

  static ContainerBackend start(LocalStackOptions options, Path baseDir) {
    if (options.cassandraNodes() != 1) {
      throw new TestkitException(
          "a local Cassandra cluster (cassandraNodes "
              + options.cassandraNodes()
              + ") runs in EMBEDDED mode only; TESTCONTAINERS starts one node");
    }
    CappedLogSink emulatorLog =
        open(baseDir.resolve("pubsub/pubsub-emulator.log"), options.emulator().logCapBytes());
    CappedLogSink cassandraLog =
        open(baseDir.resolve("cassandra/logs/output.log"), options.cassandra().logCapBytes());
    GenericContainer<?> emulator = emulatorContainer(options, emulatorLog);
    GenericContainer<?> cassandra = cassandraContainer(options.cassandra(), cassandraLog);
    ContainerBackend backend =
        new ContainerBackend(emulator, cassandra, List.of(emulatorLog, cassandraLog));
    try {
      emulator.start();
      cassandra.start();
      ServiceProbes.awaitEmulator(
          backend.pubsubEmulatorHost(), options.projectId(), options.emulator().startTimeout());
      ServiceProbes.awaitCassandra(
          backend.cassandraContactPoints(),
          CassandraNode.LOCAL_DATACENTER,
          options.cassandra().authenticator().credentials(),
          options.cassandra().startTimeout());
      return backend;
    } catch (RuntimeException e) {
      backend.close();
      throw new TestkitException(
          "could not start the containers; logs are in " + baseDir, baseDir, e);
    }
  }

  private static GenericContainer<?> emulatorContainer(
      LocalStackOptions options, CappedLogSink log) {
    return new GenericContainer<>(DockerImageName.parse(EMULATOR_IMAGE))
        .withCommand(
            "gcloud",
            "beta",
            "emulators",
            "pubsub",
            "start",
            "--host-port=0.0.0.0:" + EMULATOR_PORT,
            "--project=" + options.projectId())
        .withEnv("JAVA_OPTS", "-Xmx" + options.emulator().maxHeap())
        .withExposedPorts(EMULATOR_PORT)
        .withLogConsumer(into(log))
        .waitingFor(Wait.forLogMessage(".*Server started, listening on.*", 1))
        .withStartupTimeout(options.emulator().startTimeout().plus(PULL_ALLOWANCE));
  }

  private static GenericContainer<?> cassandraContainer(
      CassandraNodeOptions options, CappedLogSink log) {
    CassandraLayout inContainer =
        new CassandraLayout(Path.of("/var/lib/cassandra"), CQL_PORT, 7000, 7199);
    return new GenericContainer<>(DockerImageName.parse(CASSANDRA_IMAGE))
        .withCopyToContainer(
            Transferable.of(CassandraYaml.render(options, inContainer)),
            "/etc/cassandra/cassandra.yaml")
        .withEnv("MAX_HEAP_SIZE", options.maxHeap())
        .withEnv("HEAP_NEWSIZE", "128M")
        .withEnv(
            "JVM_EXTRA_OPTS",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0 -Dcassandra.ring_delay_ms=1000"
                + " -Dcassandra.superuser_setup_delay_ms=0")
        .withExposedPorts(CQL_PORT)
        .withLogConsumer(into(log))
        .waitingFor(Wait.forLogMessage(".*Starting listening for CQL clients.*", 1))
        .withStartupTimeout(options.startTimeout().plus(PULL_ALLOWANCE));
  }

  private static CappedLogSink open(Path file, long capBytes) {
    try {
      return CappedLogSink.open(file, capBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open " + file, e);
    }
  }

  private static Consumer<OutputFrame> into(CappedLogSink sink) {
    return frame -> {
      byte[] bytes = frame.getBytes();
      if (bytes != null) {
        try {
          sink.write(bytes, 0, bytes.length);
        } catch (IOException e) {
          // a log line lost is not worth failing the stack for
        }
      }
    };
  }

  @Override
  public String pubsubEmulatorHost() {
    return emulator.getHost() + ":" + emulator.getMappedPort(EMULATOR_PORT);
  }

  @Override
  public List<InetSocketAddress> cassandraContactPoints() {
    return List.of(new InetSocketAddress(cassandra.getHost(), cassandra.getMappedPort(CQL_PORT)));
  }

  @Override
  public String localDatacenter() {
    return CassandraNode.LOCAL_DATACENTER;
  }

  @Override
  public CassandraNode cassandra() {
    throw new UnsupportedOperationException(
        "cassandra() controls the node of an EMBEDDED stack; this stack runs Cassandra in a"
            + " container");
  }

  @Override
  public CassandraCluster cassandraCluster() {
    throw new UnsupportedOperationException(
        "cassandraCluster() controls the cluster of an EMBEDDED stack; this stack uses Cassandra in a container");
  }

  @Override
  public PubSubEmulator emulator() {
    throw new UnsupportedOperationException(
        "emulator() controls the emulator of an EMBEDDED stack; this stack runs the emulator in a"
            + " container");
  }

  @Override
  public void close() {
    try {
      cassandra.stop();
      emulator.stop();
    } finally {
      for (CappedLogSink log : logs) {
        try {
          log.close();
        } catch (IOException e) {
          // nothing left to write
        }
      }
    }
  }
}
