package io.lagline.testkit.stack;

import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.pubsub.PubSubEmulator;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The emulator and a Cassandra node as child processes. They start in parallel: the emulator is up
 * in about two seconds while Cassandra takes most of the start-up.
 */
final class EmbeddedBackend implements StackBackend {
  private final PubSubEmulator emulator;
  private final CassandraNode cassandra;

  private EmbeddedBackend(PubSubEmulator emulator, CassandraNode cassandra) {
    this.emulator = emulator;
    this.cassandra = cassandra;
  }

  static EmbeddedBackend start(LocalStackOptions options, Path baseDir) {
    CompletableFuture<PubSubEmulator> emulatorStart = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                emulatorStart.complete(
                    PubSubEmulator.start(options.emulator(), baseDir.resolve("pubsub")));
              } catch (Throwable t) {
                emulatorStart.completeExceptionally(t);
              }
            },
            "lagline-emulator-start");
    starter.setDaemon(true);
    starter.start();
    CassandraNode cassandra;
    try {
      cassandra = CassandraNode.start(options.cassandra(), baseDir.resolve("cassandra"));
    } catch (RuntimeException e) {
      emulatorStart.thenAccept(PubSubEmulator::stop);
      throw e;
    }
    try {
      return new EmbeddedBackend(emulatorStart.join(), cassandra);
    } catch (CompletionException e) {
      cassandra.stop();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  @Override
  public String pubsubEmulatorHost() {
    return emulator.host();
  }

  @Override
  public List<InetSocketAddress> cassandraContactPoints() {
    return List.of(cassandra.contactPoint());
  }

  @Override
  public String localDatacenter() {
    return cassandra.localDatacenter();
  }

  @Override
  public CassandraNode cassandra() {
    return cassandra;
  }

  @Override
  public PubSubEmulator emulator() {
    return emulator;
  }

  @Override
  public void close() {
    try {
      cassandra.stop();
    } finally {
      emulator.stop();
    }
  }
}
