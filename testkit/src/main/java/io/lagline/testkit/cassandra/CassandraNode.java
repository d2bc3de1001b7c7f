package io.lagline.testkit.cassandra;

import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import io.lagline.testkit.TestkitException;
import io.lagline.testkit.process.ChildProcess;
import io.lagline.testkit.process.JavaRuntime;
import io.lagline.testkit.process.OrphanGuardJar;
import io.lagline.testkit.process.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Cassandra 5.0 node running as a child JVM on free loopback ports, with its data,
 * configuration and logs under one directory. It can be stopped gracefully, killed like a crash,
 * and started again on the same data and ports, which is what outage tests need. {@link #start()}
 * returns once the node answers a CQL query.
 */
public final class CassandraNode implements AutoCloseable {
  /** The data center of a node with {@code SimpleSnitch}. */
  public static final String LOCAL_DATACENTER = "datacenter1";

  private static final Logger LOG = LoggerFactory.getLogger(CassandraNode.class);

  private final CassandraNodeOptions options;
  private final CassandraLayout layout;
  private final CassandraTopology topology;
  private volatile ChildProcess process;
  private Duration lastStartupTime = Duration.ZERO;
  private String releaseVersion = "";

  private CassandraNode(
      CassandraNodeOptions options, CassandraLayout layout, CassandraTopology topology) {
    this.options = options;
    this.layout = layout;
    this.topology = topology;
  }

  /**
   * Lays out a new node under {@code baseDir} (created if missing), picks its ports, starts it and
   * waits for CQL.
   *
   * @throws TestkitException when the node exits or does not answer within the start timeout
   */
  public static CassandraNode start(CassandraNodeOptions options, Path baseDir) {
    CassandraLayout layout = CassandraLayout.withFreePorts(baseDir);
    return start(options, layout, CassandraTopology.singleNode(layout));
  }

  /**
   * Starts a node with a given layout (its address, ports and directories) and place in a cluster,
   * and waits until it answers CQL; other nodes of its cluster need not be up yet.
   *
   * @throws TestkitException when the node exits or does not answer within the start timeout
   */
  public static CassandraNode start(
      CassandraNodeOptions options, CassandraLayout layout, CassandraTopology topology) {
    CassandraNode node = new CassandraNode(options, layout, topology);
    node.start();
    return node;
  }

  /**
   * Starts the node again after {@link #stop()} or {@link #kill()}, on the same data directory and
   * ports, and waits until it answers CQL. A killed node replays its commit log first.
   *
   * @throws IllegalStateException when the node is already running
   */
  public synchronized void start() {
    if (isRunning()) {
      throw new IllegalStateException("Cassandra node on " + endpoint() + " is already running");
    }
    layout.createDirectories();
    writeConfiguration();
    java.nio.file.Path nodeJavaHome =
        JavaRuntime.forCassandra(
            options.javaHome(),
            System.getenv(),
            java.nio.file.Path.of("/usr/lib/jvm"),
            Runtime.version().feature());
    List<String> command =
        CassandraCommandLine.build(
            options,
            layout,
            topology,
            JavaRuntime.javaExecutable(nodeJavaHome),
            JavaRuntime.featureVersion(nodeJavaHome),
            ServerClasspath.load(),
            OrphanGuardJar.javaAgentFlag());
    long started = System.nanoTime();
    process =
        ChildProcess.start(
            "cassandra", command, Map.of(), layout.outputLog(), options.logCapBytes());
    try {
      Readiness.await(
          "Cassandra node on " + endpoint(),
          options.startTimeout(),
          process,
          layout.systemLog(),
          () -> {
            Readiness.tcpConnect(contactPoint());
            releaseVersion =
                CqlProbe.releaseVersion(
                    List.of(contactPoint()), topology.datacenter(), credentials(), tlsContext());
          });
    } catch (RuntimeException e) {
      process.kill();
      throw e;
    }
    lastStartupTime = Duration.ofNanos(System.nanoTime() - started);
    LOG.info(
        "Cassandra {} up on {} in {} ms (logs: {})",
        releaseVersion,
        endpoint(),
        lastStartupTime.toMillis(),
        layout.logDir());
  }

  /**
   * Stops the node gracefully (SIGTERM: Cassandra drains and flushes), killing it after the stop
   * timeout.
   */
  public synchronized void stop() {
    if (isRunning()) {
      process.stop(options.stopTimeout());
      LOG.info("Cassandra node on {} stopped", endpoint());
    }
  }

  /**
   * Kills the node with SIGKILL, as a crash or an OOM kill would; unflushed writes survive in the
   * commit log.
   */
  public synchronized void kill() {
    if (isRunning()) {
      process.kill();
      LOG.info("Cassandra node on {} killed", endpoint());
    }
  }

  /**
   * Freezes the node's JVM (SIGSTOP): the process stays alive and its sockets open, so clients'
   * requests and new connections hang rather than fail, as in a long GC pause or a stalled VM.
   * {@link #thaw()}, {@link #stop()}, {@link #kill()} and {@link #close()} resume it.
   *
   * @throws IllegalStateException when the node is not running
   */
  public synchronized void freeze() {
    if (!isRunning()) {
      throw new IllegalStateException("Cassandra node on " + endpoint() + " is not running");
    }
    process.freeze();
    LOG.info("Cassandra node on {} frozen (SIGSTOP)", endpoint());
  }

  /** Resumes a frozen node (SIGCONT); does nothing when it is not frozen. */
  public synchronized void thaw() {
    ChildProcess current = process;
    if (current != null && current.isFrozen()) {
      current.thaw();
      LOG.info("Cassandra node on {} thawed (SIGCONT)", endpoint());
    }
  }

  /** Whether the node's process is alive and stopped by {@link #freeze()}. */
  public boolean isFrozen() {
    ChildProcess current = process;
    return current != null && current.isAlive() && current.isFrozen();
  }

  /**
   * Whether the node's process is alive; it may still be starting. Does not wait for a start in
   * progress.
   */
  public boolean isRunning() {
    ChildProcess current = process;
    return current != null && current.isAlive();
  }

  /**
   * {@code <address>:<native transport port>}, {@code 127.0.0.1:PORT} for a single node; stays the
   * same across restarts.
   */
  public InetSocketAddress contactPoint() {
    return new InetSocketAddress(layout.address(), layout.nativePort());
  }

  /** The node's listen and RPC address, {@code 127.0.0.1} for a single node. */
  public String address() {
    return layout.address();
  }

  public String localDatacenter() {
    return topology.datacenter();
  }

  /** The node's seeds, snitch, data center and rack. */
  public CassandraTopology topology() {
    return topology;
  }

  /**
   * A session builder for this node: contact point, data center, with password authentication the
   * superuser, and with client encryption TLS trusting the test CA.
   */
  public CqlSessionBuilder sessionBuilder() {
    return CassandraClients.sessionBuilder(options, List.of(contactPoint()), localDatacenter());
  }

  public CassandraNodeOptions options() {
    return options;
  }

  /** Data, commit log, configuration and logs all live under this directory. */
  public Path baseDir() {
    return layout.baseDir();
  }

  public Path dataDir() {
    return layout.dataDir();
  }

  public Path logDir() {
    return layout.logDir();
  }

  /** Cassandra's own log (INFO and above). */
  public Path systemLog() {
    return layout.systemLog();
  }

  /** The node JVM's captured stdout and stderr, capped. */
  public Path outputLog() {
    return layout.outputLog();
  }

  public int storagePort() {
    return layout.storagePort();
  }

  /** The local JMX port, for {@code nodetool -p}. */
  public int jmxPort() {
    return layout.jmxPort();
  }

  /** From launching the JVM to the first answered query, for the latest start. */
  public synchronized Duration lastStartupTime() {
    return lastStartupTime;
  }

  /** {@code release_version} as the node reported it, e.g. {@code 5.0.6}. */
  public synchronized String releaseVersion() {
    return releaseVersion;
  }

  /**
   * Stops the node (thawing it first if frozen); its directory stays (the owner of the base
   * directory deletes it).
   */
  @Override
  public void close() {
    stop();
  }

  /** For messages: {@code address:nativePort}. */
  private String endpoint() {
    return layout.address() + ":" + layout.nativePort();
  }

  private SSLContext tlsContext() {
    return CassandraClients.tlsContext(options);
  }

  private String[] credentials() {
    return options.authenticator().credentials();
  }

  private void writeConfiguration() {
    try {
      Files.writeString(layout.yamlFile(), CassandraYaml.render(options, layout, topology));
      Files.writeString(layout.logbackFile(), CassandraLogback.render());
      if (topology.snitch() == CassandraTopology.Snitch.GOSSIPING_PROPERTY_FILE) {
        Files.writeString(layout.rackDcFile(), topology.rackDcProperties());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the Cassandra configuration under " + layout.confDir(), e);
    }
  }
}
