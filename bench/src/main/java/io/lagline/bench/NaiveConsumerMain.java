package io.lagline.bench;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.logging.LogSetup;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.apply.CassandraLwtWriter;
import io.lagline.reconciler.apply.WriteMetrics;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The naive baseline, what a typical hand-written consumer does: a {@link Subscriber} with the
 * client's default settings (one stream, default executor, default flow control of 1,000 messages)
 * whose receiver runs one blocking conditional write per message, the reconciler's own statements
 * through {@code session.execute}-style waiting, and then acks. Runs as its own JVM; writes the
 * number of acked messages to a status file every 100 ms for the bench to read.
 *
 * <p>Arguments: {@code EMULATOR_HOST SUBSCRIPTION CASSANDRA_HOST:PORT DATACENTER KEYSPACE
 * MAPPING_FILE STATUS_FILE}.
 */
public final class NaiveConsumerMain {
  private NaiveConsumerMain() {}

  public static void main(String[] args) throws Exception {
    LogSetup.init();
    if (args.length != 7) {
      System.err.println(
          "usage: NaiveConsumerMain EMULATOR_HOST SUBSCRIPTION CASSANDRA DATACENTER KEYSPACE"
              + " MAPPING STATUS_FILE");
      System.exit(2);
    }
    String[] cassandra = args[2].split(":");
    Mapping mapping = MappingLoader.load(Path.of(args[5]));
    Path status = Path.of(args[6]);
    AtomicLong acked = new AtomicLong();
    try (CqlSession session =
            CqlSession.builder()
                .addContactPoint(
                    new InetSocketAddress(cassandra[0], Integer.parseInt(cassandra[1])))
                .withLocalDatacenter(args[3])
                .build();
        PubSubConnection connection = PubSubConnection.emulator(args[0])) {
      CassandraLwtWriter writer =
          CassandraLwtWriter.prepare(
              session,
              args[4],
              mapping,
              ConsistencyLevel.LOCAL_QUORUM,
              ConsistencyLevel.LOCAL_SERIAL,
              new WriteMetrics(new SimpleMeterRegistry(), mapping));
      MessageReceiver receiver =
          (PubsubMessage message, AckReplyConsumer reply) -> {
            try {
              Event event =
                  EventCodec.decode(message.getAttributesMap(), message.getData().toByteArray());
              for (BoundRow row : mapping.bind(event, message.getAttributesMap())) {
                writer.write(row, event.entityVersion()).toCompletableFuture().get();
              }
              reply.ack();
              acked.incrementAndGet();
            } catch (Exception e) {
              reply.nack();
            }
          };
      Subscriber subscriber =
          connection.configure(Subscriber.newBuilder(args[1], receiver)).build();
      ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
      reporter.scheduleAtFixedRate(
          () -> writeStatus(status, acked.get()), 0, DrainClock.POLL_MILLIS, TimeUnit.MILLISECONDS);
      subscriber.startAsync().awaitRunning();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
      subscriber.stopAsync();
      reporter.shutdownNow();
    }
  }

  /** Replaces the status file atomically with the acked count. */
  static void writeStatus(Path status, long acked) {
    try {
      Path tmp = status.resolveSibling(status.getFileName() + ".tmp");
      Files.writeString(tmp, Long.toString(acked));
      Files.move(tmp, status, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The acked count of a status file; 0 when it does not exist yet. */
  static long readStatus(Path status) {
    try {
      return Files.isRegularFile(status) ? Long.parseLong(Files.readString(status).trim()) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
