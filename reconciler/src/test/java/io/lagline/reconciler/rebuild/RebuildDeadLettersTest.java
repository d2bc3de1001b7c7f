package io.lagline.reconciler.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.reconciler.deadletter.DeadLetterAttributes;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RebuildDeadLettersTest {
  private final List<PubsubMessage> parked = new ArrayList<>();
  private final DeadLetterSink topic =
      new DeadLetterSink() {
        @Override
        public CompletableFuture<String> park(
            PubsubMessage message, String reason, String detail, Instant firstSeen) {
          parked.add(message);
          return CompletableFuture.completedFuture("dlq-1");
        }

        @Override
        public void close() {}
      };
  private final AtomicLong poison = new AtomicLong();
  private final PubsubMessage message = PubsubMessage.newBuilder().setMessageId("m1").build();

  @Test
  void by_default_poison_met_again_is_counted_and_not_parked() {
    RebuildDeadLetters sink = new RebuildDeadLetters(topic, false, poison);

    assertThat(sink.park(message, "missing_field", "no steps", Instant.EPOCH)).isCompleted();
    assertThat(sink.parks()).isFalse();
    assertThat(parked).isEmpty();
    assertThat(poison).hasValue(1);
  }

  @Test
  void with_the_option_it_is_parked_marked_as_from_a_rebuild() {
    RebuildDeadLetters sink = new RebuildDeadLetters(topic, true, poison);

    assertThat(sink.park(message, "missing_field", "no steps", Instant.EPOCH).join())
        .isEqualTo("dlq-1");
    assertThat(sink.parks()).isTrue();
    assertThat(parked)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.getAttributesMap())
                    .containsEntry(DeadLetterAttributes.REBUILD, "true"));
    assertThat(poison).hasValue(1);
  }
}
