package io.lagline.testkit.stack;

import io.lagline.testkit.cassandra.CassandraNodeOptions;
import io.lagline.testkit.cluster.CassandraClusterOptions;
import io.lagline.testkit.pubsub.PubSubEmulatorOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link LocalStack} runs. {@link #defaults()} reads nothing but the defaults; the environment
 * still applies at start ({@code LAGLINE_STACK_MODE} when no mode is set here, {@code
 * LAGLINE_KEEP_LOGS}).
 *
 * @param mode how to provide the services, or null for {@code LAGLINE_STACK_MODE}, else {@link
 *     StackMode#AUTO}
 * @param projectId the Pub/Sub project id clients should use
 * @param keepLogs keep the stack directory (logs, Cassandra data) after {@link LocalStack#close()}
 * @param baseDir where the stack directory goes, or null for a new temporary directory
 * @param emulator emulator settings (its project id is replaced by {@code projectId})
 * @param cassandra Cassandra node settings (of every node of a cluster)
 * @param cassandraNodes how many Cassandra nodes: 1, or a local cluster of 2 or 3 ({@code EMBEDDED}
 *     mode only; in {@code EXTERNAL} mode, how many the external cluster has)
 * @param cassandraRemoteNodes how many of a local cluster's nodes run in a second data center
 *     (default 0)
 */
public record LocalStackOptions(
    StackMode mode,
    String projectId,
    boolean keepLogs,
    Path baseDir,
    PubSubEmulatorOptions emulator,
    CassandraNodeOptions cassandra,
    int cassandraNodes,
    int cassandraRemoteNodes) {

  public LocalStackOptions {
    PubSubEmulatorOptions.requireProjectId(projectId);
    Objects.requireNonNull(emulator, "emulator");
    Objects.requireNonNull(cassandra, "cassandra");
    if (cassandraNodes < 1 || cassandraNodes > CassandraClusterOptions.MAX_NODES) {
      throw new IllegalArgumentException(
          "cassandraNodes must be between 1 and "
              + CassandraClusterOptions.MAX_NODES
              + ", was "
              + cassandraNodes);
    }
    if (cassandraRemoteNodes < 0 || cassandraRemoteNodes >= cassandraNodes) {
      throw new IllegalArgumentException(
          "cassandraRemoteNodes must be between 0 and cassandraNodes - 1, was "
              + cassandraRemoteNodes);
    }
    emulator = emulator.toBuilder().projectId(projectId).build();
  }

  public static LocalStackOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LocalStackOptions}; unset values keep their defaults. */
  public static final class Builder {
    private StackMode mode;
    private String projectId = PubSubEmulatorOptions.DEFAULT_PROJECT_ID;
    private boolean keepLogs;
    private Path baseDir;
    private PubSubEmulatorOptions emulator = PubSubEmulatorOptions.defaults();
    private CassandraNodeOptions cassandra = CassandraNodeOptions.defaults();
    private int cassandraNodes = 1;
    private int cassandraRemoteNodes;

    private Builder() {}

    /** Default null: {@code LAGLINE_STACK_MODE} if set, else {@link StackMode#AUTO}. */
    public Builder mode(StackMode value) {
      mode = value;
      return this;
    }

    /** Default {@value PubSubEmulatorOptions#DEFAULT_PROJECT_ID}. */
    public Builder projectId(String value) {
      projectId = value;
      return this;
    }

    /**
     * Default false; {@code LAGLINE_KEEP_LOGS} (environment or system property) also keeps them.
     */
    public Builder keepLogs(boolean value) {
      keepLogs = value;
      return this;
    }

    /** Default null: a new directory {@code lagline-stack-*} under {@code java.io.tmpdir}. */
    public Builder baseDir(Path value) {
      baseDir = value;
      return this;
    }

    /** Default {@link PubSubEmulatorOptions#defaults()}. */
    public Builder emulator(PubSubEmulatorOptions value) {
      emulator = value;
      return this;
    }

    /** Default {@link CassandraNodeOptions#defaults()}. */
    public Builder cassandra(CassandraNodeOptions value) {
      cassandra = value;
      return this;
    }

    /**
     * Default 1: a single node on {@code 127.0.0.1}. 2 or 3 start a local cluster ({@link
     * io.lagline.testkit.cluster.CassandraCluster}) on {@code 127.0.0.1} upwards, and {@link
     * LocalStack#replication()} replicates to every node.
     */
    public Builder cassandraNodes(int value) {
      cassandraNodes = value;
      return this;
    }

    /**
     * Default 0. With {@code cassandraNodes(3)} and 1, node 3 runs in a second data center ({@link
     * CassandraClusterOptions#REMOTE_DATACENTER}); the stack's contact points are the local data
     * center's nodes and {@link LocalStack#replication()} keeps a replica on every node.
     */
    public Builder cassandraRemoteNodes(int value) {
      cassandraRemoteNodes = value;
      return this;
    }

    public LocalStackOptions build() {
      return new LocalStackOptions(
          mode,
          projectId,
          keepLogs,
          baseDir,
          emulator,
          cassandra,
          cassandraNodes,
          cassandraRemoteNodes);
    }
  }
}
