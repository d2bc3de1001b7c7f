package io.lagline.reconciler.cli;

import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.deadletter.DeadLetterCollector;
import io.lagline.reconciler.deadletter.GrpcDeadLetterSource;
import io.lagline.reconciler.deadletter.LeaseKeeper;
import java.nio.file.Path;

/**
 * One {@code dlq} command's hold on the dead-letter subscription: the connection, the pull source
 * and the lease keeper. Closing it releases every message still held, then disconnects.
 */
final class DlqSession implements AutoCloseable {
  final PubSubConnection connection;
  final GrpcDeadLetterSource source;
  final LeaseKeeper lease;

  private DlqSession(PubSubConnection connection, GrpcDeadLetterSource source, LeaseKeeper lease) {
    this.connection = connection;
    this.source = source;
    this.lease = lease;
  }

  /**
   * Connects to {@code pubsub.dead-letter.subscription}.
   *
   * @throws io.lagline.config.ConfigException when it is not set (exit 2)
   */
  static DlqSession open(ReconcilerConfig config, Path file, String command) {
    String subscription =
        CommandConfig.require(
            config.deadLetter().subscription(),
            ReconcilerKey.PUBSUB_DEAD_LETTER_SUBSCRIPTION,
            file,
            command,
            "the subscription of "
                + ReconcilerKey.PUBSUB_DEAD_LETTER_TOPIC.path()
                + " to read dead letters from");
    PubSubConnection connection = CommandConfig.connect(config.pubsub());
    try {
      GrpcDeadLetterSource source = GrpcDeadLetterSource.open(connection, subscription);
      return new DlqSession(connection, source, LeaseKeeper.of(source));
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  DeadLetterCollector collector() {
    return new DeadLetterCollector(source, lease);
  }

  @Override
  public void close() {
    try {
      lease.close();
    } finally {
      source.close();
      connection.close();
    }
  }
}
