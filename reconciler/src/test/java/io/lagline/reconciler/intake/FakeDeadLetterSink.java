package io.lagline.reconciler.intake;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Records what would be dead-lettered; answers with a scripted future. */
final class FakeDeadLetterSink implements DeadLetterSink {
  /** One parked message. */
  record Parked(PubsubMessage message, String reason, String detail, Instant firstSeen) {}

  final List<Parked> parked = new CopyOnWriteArrayList<>();
  volatile Supplier<CompletableFuture<String>> answer =
      () -> CompletableFuture.completedFuture("dlq-1");

  @Override
  public CompletableFuture<String> park(
      PubsubMessage message, String reason, String detail, Instant firstSeen) {
    parked.add(new Parked(message, reason, detail, firstSeen));
    return answer.get();
  }

  /** False: a sink that only counts, as a rebuild's by default. */
  volatile boolean parks = true;

  @Override
  public boolean parks() {
    return parks;
  }

  @Override
  public void close() {}
}
