package io.lagline.testkit.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cluster.CassandraCluster;
import io.lagline.testkit.cluster.KeyspaceReplication;
import io.lagline.testkit.pubsub.EmulatorScriptLocator;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Pub/Sub emulator and a Cassandra node for integration tests, the demo and the benchmark:
 * started as child processes (EMBEDDED), in Docker (TESTCONTAINERS), or found already running
 * (EXTERNAL); see {@link StackMode}.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults())) {
 *   String emulatorHost = stack.pubsubEmulatorHost();      // 127.0.0.1:PORT
 *   InetSocketAddress cql = stack.cassandraContactPoint(); // with stack.localDatacenter()
 *   stack.cassandra().stop();                              // an outage, EMBEDDED mode only
 * }
 * }</pre>
 *
 * <p>Everything the stack writes (logs, Cassandra's data) is under {@link #logDir()}, deleted by
 * {@link #close()} unless the options or {@code LAGLINE_KEEP_LOGS} say to keep it. A stack that
 * fails to start keeps it, since the error message points into it.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final StackMode mode;
  private final String projectId;
  private final Path directory;
  private volatile boolean keepLogs;
  private final StackBackend backend;
  private final Duration startupTime;
  private final String[] credentials;
  private final int cassandraNodes;
  private boolean closed;

  private LocalStack(
      StackMode mode,
      String projectId,
      Path directory,
      boolean keepLogs,
      StackBackend backend,
      Duration startupTime,
      String[] credentials,
      int cassandraNodes) {
    this.mode = mode;
    this.projectId = projectId;
    this.directory = directory;
    this.keepLogs = keepLogs;
    this.backend = backend;
    this.startupTime = startupTime;
    this.credentials = credentials;
    this.cassandraNodes = cassandraNodes;
  }

  /** Starts a stack with {@link LocalStackOptions#defaults()}. */
  public static LocalStack start() {
    return start(LocalStackOptions.defaults());
  }

  /**
   * Starts (or, in EXTERNAL mode, checks) the emulator and Cassandra and returns once both answer.
   *
   * @throws TestkitException when no mode is usable, or a service fails to start; the message says
   *     why and where the logs are
   */
  public static LocalStack start(LocalStackOptions options) {
    Environment env = Environment.system();
    EmulatorScriptLocator locator = EmulatorScriptLocator.system();
    StackMode mode =
        StackModeResolver.resolve(
            options.mode(),
            env,
            locator::locate,
            () -> DockerProbe.isDockerAvailable(env, Path.of(System.getProperty("user.home"))),
            locator::notFoundMessage);
    boolean keepLogs = options.keepLogs() || env.isSet(Environment.KEEP_LOGS);
    Path directory = StackDirectory.create(options.baseDir());
    LOG.info("starting the local stack in {} mode under {}", mode, directory);
    long started = System.nanoTime();
    StackBackend backend;
    try {
      backend =
          switch (mode) {
            case EMBEDDED -> EmbeddedBackend.start(options, directory);
            case TESTCONTAINERS -> ContainerBackend.start(options, directory);
            case EXTERNAL -> ExternalBackend.connect(env, options);
            case AUTO -> throw new IllegalStateException("AUTO is resolved before this point");
          };
    } catch (RuntimeException e) {
      if (mode == StackMode.EXTERNAL) {
        StackDirectory.deleteRecursively(directory);
      } else {
        System.err.println(
            "[lagline-testkit] the stack failed to start; its logs are kept in " + directory);
      }
      throw e;
    }
    Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
    LocalStack stack =
        new LocalStack(
            mode,
            options.projectId(),
            directory,
            keepLogs,
            backend,
            startupTime,
            mode == StackMode.EXTERNAL ? null : options.cassandra().authenticator().credentials(),
            options.cassandraNodes());
    LOG.info(
        "local stack up in {} ms: PUBSUB_EMULATOR_HOST={} CASSANDRA_CONTACT_POINTS={}",
        startupTime.toMillis(),
        stack.pubsubEmulatorHost(),
        stack.cassandraContactPointsString());
    return stack;
  }

  public StackMode mode() {
    return mode;
  }

  /** {@code host:port} of the emulator, the value for {@code PUBSUB_EMULATOR_HOST}. */
  public String pubsubEmulatorHost() {
    return backend.pubsubEmulatorHost();
  }

  /** The Pub/Sub project id to use, {@code demo-project} unless the options say otherwise. */
  public String projectId() {
    return projectId;
  }

  /** A client of this stack's emulator, for topics, subscriptions and Pub/Sub clients. */
  public PubSubTestResources connectPubSub() {
    return PubSubTestResources.connect(pubsubEmulatorHost(), projectId);
  }

  /** The first (in EMBEDDED mode the only) Cassandra contact point. */
  public InetSocketAddress cassandraContactPoint() {
    return backend.cassandraContactPoints().get(0);
  }

  public List<InetSocketAddress> cassandraContactPoints() {
    return backend.cassandraContactPoints();
  }

  /** {@code host:port[,host:port]}, the value for {@code CASSANDRA_CONTACT_POINTS}. */
  public String cassandraContactPointsString() {
    return ExternalEndpoints.format(backend.cassandraContactPoints());
  }

  /** The data center to give the driver, {@code datacenter1} for a local node. */
  public String localDatacenter() {
    return backend.localDatacenter();
  }

  /**
   * The replication for keyspaces on this stack's Cassandra ({@code schema.replication}): {@code
   * {class=SimpleStrategy, replication_factor=1}} for one node, {@code
   * {class=NetworkTopologyStrategy, <local data center>=3}} for a cluster of three (a replica on
   * every node, in each data center, for a local cluster across two); see {@link
   * KeyspaceReplication#cql} for CQL.
   */
  public Map<String, String> replication() {
    return mode == StackMode.EMBEDDED && cassandraNodes > 1
        ? backend.cassandraCluster().replication()
        : KeyspaceReplication.forNodes(cassandraNodes, localDatacenter());
  }

  /**
   * A driver session builder for this stack's Cassandra: contact points, local data center and,
   * when the stack started the node with password authentication, its superuser.
   */
  public CqlSessionBuilder cqlSessionBuilder() {
    CqlSessionBuilder builder =
        CqlSession.builder()
            .addContactPoints(backend.cassandraContactPoints())
            .withLocalDatacenter(backend.localDatacenter());
    return credentials == null
        ? builder
        : builder.withAuthCredentials(credentials[0], credentials[1]);
  }

  /**
   * The Cassandra node, to stop, kill and restart it in outage tests; node 1 of a cluster.
   *
   * @throws UnsupportedOperationException unless the stack runs in EMBEDDED mode
   */
  public CassandraNode cassandra() {
    return backend.cassandra();
  }

  /**
   * The local Cassandra cluster ({@link LocalStackOptions#cassandraNodes()} 2 or 3), to address its
   * nodes one by one in fault tests.
   *
   * @throws UnsupportedOperationException unless the stack runs a cluster in EMBEDDED mode
   */
  public CassandraCluster cassandraCluster() {
    return backend.cassandraCluster();
  }

  /**
   * The Pub/Sub emulator process.
   *
   * @throws UnsupportedOperationException unless the stack runs in EMBEDDED mode
   */
  public PubSubEmulator emulator() {
    return backend.emulator();
  }

  /**
   * The stack's directory: the emulator log under {@code pubsub/}, Cassandra's data and logs under
   * {@code cassandra/}.
   */
  public Path logDir() {
    return directory;
  }

  /** How long {@link #start} took. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * Keeps the logs and data on {@link #close()} whatever the options said: call it when a test
   * using the stack failed ({@link KeepLogsOnFailure} does this for JUnit 5 tests).
   */
  public void keepLogs() {
    keepLogs = true;
  }

  /**
   * Stops what the stack started and deletes its directory, unless logs are to be kept. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      backend.close();
    } finally {
      if (keepLogs) {
        System.err.println("[lagline-testkit] local stack logs kept in " + directory);
      } else {
        StackDirectory.deleteRecursively(directory);
      }
    }
  }
}
