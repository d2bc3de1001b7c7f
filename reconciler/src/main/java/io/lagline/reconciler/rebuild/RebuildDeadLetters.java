package io.lagline.reconciler.rebuild;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.reconciler.deadletter.DeadLetterAttributes;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rebuild's poison handling. The events a rebuild replays were all seen by the running
 * reconcilers, which dead-lettered the poison among them then; by default a rebuild only counts the
 * poison it meets again. With {@code --dead-letter-poison} it parks each on the dead-letter topic
 * once more, marked {@value DeadLetterAttributes#REBUILD}{@code =true}.
 */
final class RebuildDeadLetters implements DeadLetterSink {
  private final DeadLetterSink sink;
  private final boolean park;
  private final AtomicLong poison;

  /**
   * @param sink the dead-letter topic's sink
   * @param park whether poison is parked again (else counted only)
   * @param poison counts every poison message met
   */
  RebuildDeadLetters(DeadLetterSink sink, boolean park, AtomicLong poison) {
    this.sink = sink;
    this.park = park;
    this.poison = poison;
  }

  @Override
  public CompletableFuture<String> park(
      PubsubMessage message, String reason, String detail, Instant firstSeen) {
    if (!park) {
      poison.incrementAndGet();
      return CompletableFuture.completedFuture("");
    }
    PubsubMessage marked =
        message.toBuilder().putAttributes(DeadLetterAttributes.REBUILD, "true").build();
    return sink.park(marked, reason, detail, firstSeen)
        .thenApply(
            id -> {
              poison.incrementAndGet();
              return id;
            });
  }

  @Override
  public boolean parks() {
    return park;
  }

  @Override
  public void close() {
    // the wrapped sink is closed by whoever created it
  }
}
