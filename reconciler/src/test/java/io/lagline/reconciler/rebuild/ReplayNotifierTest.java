package io.lagline.reconciler.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Event;
import io.lagline.event.Reconciled;
import io.lagline.reconciler.apply.EventResult;
import io.lagline.reconciler.notify.Notifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ReplayNotifierTest {
  private final List<PubsubMessage> originals = new ArrayList<>();
  private final Notifier stream =
      new Notifier() {
        @Override
        public CompletionStage<Void> notify(
            PubsubMessage original,
            Event event,
            EventResult result,
            Instant durableAt,
            long deadlineNanos) {
          originals.add(original);
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean paused() {
          return true;
        }

        @Override
        public void close() {}
      };

  @Test
  void every_notification_of_a_rebuild_is_marked_as_a_replay() {
    ReplayNotifier notifier = new ReplayNotifier(stream);
    PubsubMessage original =
        PubsubMessage.newBuilder().setMessageId("m1").putAttributes("event_id", "e1").build();

    assertThat(notifier.notify(original, null, null, Instant.EPOCH, 0)).isCompleted();
    assertThat(originals)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.getAttributesMap())
                    .containsEntry(Reconciled.REPLAY, "true")
                    .containsEntry("event_id", "e1"));
    assertThat(originals.get(0).getMessageId()).isEqualTo("m1");
    assertThat(notifier.paused()).as("the stream's own state").isTrue();
  }
}
