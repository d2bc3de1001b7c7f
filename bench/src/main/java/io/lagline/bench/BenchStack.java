package io.lagline.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.bench.profile.Profiler;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.schema.SchemaApplier;
import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.cassandra.CassandraNodeOptions;
import io.lagline.testkit.pubsub.PubSubEmulator;
import io.lagline.testkit.pubsub.PubSubEmulatorOptions;
import io.lagline.testkit.pubsub.PubSubTestResources;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bench's infrastructure: one Cassandra node for the whole run and a fresh Pub/Sub emulator per
 * scenario (its heap capped, its log capped), since the emulator slows down and grows with what it
 * has held. Both are child processes; everything they write is under the run's directory.
 */
final class BenchStack implements AutoCloseable {
  static final String PROJECT = "bench-project";

  /** The emulator's heap for ordinary backlogs. */
  static final String EMULATOR_HEAP = "1g";

  private static final Logger LOG = LoggerFactory.getLogger(BenchStack.class);
  private static final Map<String, String> REPLICATION =
      Map.of("class", "SimpleStrategy", "replication_factor", "1");

  private final Path dir;
  private final Path mappingFile;
  private final Mapping mapping;
  private final CassandraNode node;
  private final CqlSession session;
  private PubSubEmulator emulator;
  private int emulators;

  private final Profiler profiler;

  private BenchStack(Path dir, CassandraNode node, Profiler profiler) {
    this.profiler = profiler;
    this.dir = dir;
    this.node = node;
    this.mappingFile = BenchMapping.write(dir);
    this.mapping = MappingLoader.load(mappingFile);
    this.session = node.sessionBuilder().build();
  }

  /**
   * Starts a Cassandra node with {@code options} under {@code dir}; {@code profiler} profiles the
   * reconciler processes of the run.
   */
  static BenchStack start(Path dir, CassandraNodeOptions options, Profiler profiler) {
    return new BenchStack(dir, CassandraNode.start(options, dir.resolve("cassandra")), profiler);
  }

  /** What profiles the reconcilers ({@code bin/bench --profile}), or {@link Profiler#off()}. */
  Profiler profiler() {
    return profiler;
  }

  /** Stops the current emulator, if any, and starts a new one with {@code maxHeap}. */
  PubSubTestResources freshEmulator(String maxHeap) {
    stopEmulator();
    emulators++;
    emulator = startEmulator(dir.resolve("pubsub-" + emulators), maxHeap);
    return PubSubTestResources.connect(emulator.host(), PROJECT);
  }

  /** An emulator of the bench's project with {@code maxHeap}, logging under {@code logDir}. */
  static PubSubEmulator startEmulator(Path logDir, String maxHeap) {
    return PubSubEmulator.start(
        PubSubEmulatorOptions.builder().projectId(PROJECT).maxHeap(maxHeap).build(), logDir);
  }

  /** {@code host:port} of the current emulator. */
  String emulatorHost() {
    return emulator.host();
  }

  InetSocketAddress emulatorAddress() {
    return new InetSocketAddress("127.0.0.1", emulator.port());
  }

  InetSocketAddress cassandra() {
    return node.contactPoint();
  }

  /** {@code host:port} of the Cassandra node, as a reconciler config's contact point. */
  String cassandraHostPort() {
    return node.contactPoint().getHostString() + ":" + node.contactPoint().getPort();
  }

  String datacenter() {
    return node.localDatacenter();
  }

  /** The bench's own session (schema, read-back, the LWT ceiling client). */
  CqlSession session() {
    return session;
  }

  Mapping mapping() {
    return mapping;
  }

  Path mappingFile() {
    return mappingFile;
  }

  Path dir() {
    return dir;
  }

  /** The Cassandra node's pid, to compare its CPU with the clients'. */
  String paxosVariant() {
    return node.options().paxosVariant();
  }

  /** Creates {@code keyspace} and the mapping's tables in it, as {@code schema --apply} would. */
  void createSchema(String keyspace) {
    int statements = SchemaApplier.apply(session, keyspace, REPLICATION, mapping, ran -> {});
    LOG.info("schema of {} applied: {} statements", keyspace, statements);
  }

  /** {@code projects/<project>/topics/<id>}. */
  static String topic(String id) {
    return "projects/" + PROJECT + "/topics/" + id;
  }

  /** {@code projects/<project>/subscriptions/<id>}. */
  static String subscription(String id) {
    return "projects/" + PROJECT + "/subscriptions/" + id;
  }

  private void stopEmulator() {
    if (emulator != null) {
      emulator.stop();
      emulator = null;
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } finally {
      try {
        stopEmulator();
      } finally {
        node.stop();
      }
    }
  }
}
