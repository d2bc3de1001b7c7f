package io.lagline.reconciler.rebuild;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.event.Reconciled;
import io.lagline.reconciler.apply.EventResult;
import io.lagline.reconciler.notify.Notifier;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The reconciled stream during a rebuild ({@code pubsub.reconciled.notify-replays: true}): each
 * notification carries {@value Reconciled#REPLAY}{@code =true}, so a consumer can tell the replay
 * of an event it was told of when the event was first settled.
 */
final class ReplayNotifier implements Notifier {
  private final Notifier notifier;

  ReplayNotifier(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public CompletionStage<Void> notify(
      PubsubMessage original,
      Event event,
      EventResult result,
      Instant durableAt,
      long deadlineNanos) {
    PubsubMessage marked = original.toBuilder().putAttributes(Reconciled.REPLAY, "true").build();
    return notifier.notify(marked, event, result, durableAt, deadlineNanos);
  }

  @Override
  public boolean paused() {
    return notifier.paused();
  }

  @Override
  public void close() {
    // the wrapped notifier is closed by whoever created it
  }
}
