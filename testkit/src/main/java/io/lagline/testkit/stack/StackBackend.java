package io.lagline.testkit.stack;

import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.pubsub.PubSubEmulator;
import java.net.InetSocketAddress;
import java.util.List;

/** One way of providing the emulator and Cassandra to a {@link LocalStack}. */
interface StackBackend extends AutoCloseable {
  String pubsubEmulatorHost();

  List<InetSocketAddress> cassandraContactPoints();

  String localDatacenter();

  /** The embedded node; other backends throw {@link UnsupportedOperationException}. */
  CassandraNode cassandra();

  /** The embedded emulator; other backends throw {@link UnsupportedOperationException}. */
  PubSubEmulator emulator();

  /** Stops whatever this backend started. */
  @Override
  void close();
}
