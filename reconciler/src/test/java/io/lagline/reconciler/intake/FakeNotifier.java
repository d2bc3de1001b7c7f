package io.lagline.reconciler.intake;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.reconciler.apply.EventResult;
import io.lagline.reconciler.notify.Notifier;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Records the notifications asked for and answers them as told: confirmed at once by default. */
final class FakeNotifier implements Notifier {
  record Notified(PubsubMessage original, Event event, EventResult result, Instant durableAt) {}

  final List<Notified> notified = new CopyOnWriteArrayList<>();
  volatile Supplier<CompletableFuture<Void>> answer = () -> CompletableFuture.completedFuture(null);

  @Override
  public CompletionStage<Void> notify(
      PubsubMessage original,
      Event event,
      EventResult result,
      Instant durableAt,
      long deadlineNanos) {
    notified.add(new Notified(original, event, result, durableAt));
    return answer.get();
  }

  @Override
  public boolean paused() {
    return false;
  }

  @Override
  public void close() {}
}
