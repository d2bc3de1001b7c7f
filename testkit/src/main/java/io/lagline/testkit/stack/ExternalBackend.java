package io.lagline.testkit.stack;

import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cluster.CassandraCluster;
import io.lagline.testkit.pubsub.PubSubEmulator;
import java.net.InetSocketAddress;
import java.util.List;

/** Services someone else runs; this backend only checks they answer, and never stops them. */
final class ExternalBackend implements StackBackend {
  private final ExternalEndpoints endpoints;

  private ExternalBackend(ExternalEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  static ExternalBackend connect(Environment env, LocalStackOptions options) {
    ExternalEndpoints endpoints =
        ExternalEndpoints.from(env)
            .orElseThrow(
                () ->
                    new TestkitException(
                        "Mode "
                            + StackMode.EXTERNAL
                            + " needs "
                            + Environment.PUBSUB_EMULATOR_HOST
                            + " (host:port) and "
                            + Environment.CASSANDRA_CONTACT_POINTS
                            + " (host:port[,host:port]) to be set"));
    ServiceProbes.awaitEmulator(
        endpoints.pubsubEmulatorHost(), options.projectId(), options.emulator().startTimeout());
    ServiceProbes.awaitCassandra(
        endpoints.cassandraContactPoints(),
        endpoints.localDatacenter(),
        null,
        options.cassandra().startTimeout());
    return new ExternalBackend(endpoints);
  }

  @Override
  public String pubsubEmulatorHost() {
    return endpoints.pubsubEmulatorHost();
  }

  @Override
  public List<InetSocketAddress> cassandraContactPoints() {
    return endpoints.cassandraContactPoints();
  }

  @Override
  public String localDatacenter() {
    return endpoints.localDatacenter();
  }

  @Override
  public CassandraNode cassandra() {
    throw new UnsupportedOperationException(
        "cassandra() controls the node of an EMBEDDED stack; this stack uses an external Cassandra"
            + " at "
            + ExternalEndpoints.format(endpoints.cassandraContactPoints()));
  }

  @Override
  public CassandraCluster cassandraCluster() {
    throw new UnsupportedOperationException(
        "cassandraCluster() controls the cluster of an EMBEDDED stack; this stack uses an external Cassandra");
  }

  @Override
  public PubSubEmulator emulator() {
    throw new UnsupportedOperationException(
        "emulator() controls the emulator of an EMBEDDED stack; this stack uses an external"
            + " emulator at "
            + endpoints.pubsubEmulatorHost());
  }

  @Override
  public void close() {
    // not ours to stop
  }
}
