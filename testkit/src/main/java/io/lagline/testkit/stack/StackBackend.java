package io.lagline.testkit.stack;

import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cluster.CassandraCluster;
import io.lagline.testkit.pubsub.PubSubEmulator;
import java.net.InetSocketAddress;
import java.util.List;

/** One way of providing the emulator and Cassandra to a {@link LocalStack}. */
interface StackBackend extends AutoCloseable {
  String pubsubEmulatorHost();

  List<InetSocketAddress> cassandraContactPoints();

  String localDatacenter();

  /**
   * The embedded node (node 1 of an embedded cluster); other backends throw {@link
   * UnsupportedOperationException}.
   */
  CassandraNode cassandra();

  /**
   * The embedded cluster; other backends, and an embedded single node, throw {@link
   * UnsupportedOperationException}.
   */
  CassandraCluster cassandraCluster();

  /** The embedded emulator; other backends throw {@link UnsupportedOperationException}. */
  PubSubEmulator emulator();

  /** Stops whatever this backend started. */
  @Override
  void close();
}
