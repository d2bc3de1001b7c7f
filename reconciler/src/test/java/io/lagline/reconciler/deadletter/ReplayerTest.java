package io.lagline.reconciler.deadletter;

import static io.lagline.reconciler.deadletter.FakeDeadLetterSource.letter;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.pubsub.republish.Republisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReplayerTest {
  private static final Map<String, String> ATTRIBUTES =
      Map.of(
          "event_id",
          "e-1",
          DeadLetterAttributes.REASON,
          "missing_field",
          DeadLetterAttributes.DETAIL,
          "payload.steps is missing");

  private final FakeDeadLetterSource source = new FakeDeadLetterSource();
  private final FakeRepublisher republisher = new FakeRepublisher();

  /** Confirms every publish except those whose data names a failing message, and never one. */
  private static final class FakeRepublisher implements Republisher {
    final List<PubsubMessage> published = new ArrayList<>();
    Set<String> failing = Set.of();
    Set<String> unanswered = Set.of();

    @Override
    public CompletableFuture<String> publish(PubsubMessage message) {
      published.add(message);
      String data = message.getData().toStringUtf8();
      if (failing.stream().anyMatch(id -> data.equals("{\"n\":" + id + "}"))) {
        return CompletableFuture.failedFuture(new IllegalStateException("UNAVAILABLE"));
      }
      if (unanswered.stream().anyMatch(id -> data.equals("{\"n\":" + id + "}"))) {
        return new CompletableFuture<>();
      }
      return CompletableFuture.completedFuture("new-" + published.size());
    }

    @Override
    public String topic() {
      return "projects/demo-project/topics/events";
    }

    @Override
    public void close() {}
  }

  private ReplayReport replay(List<DeadLetter> letters) {
    try (LeaseKeeper lease = new LeaseKeeper(source, Duration.ofHours(1))) {
      lease.hold(letters.stream().map(DeadLetter::ackId).toList());
      return new Replayer(republisher, lease, Duration.ofMillis(200)).replay(letters, 4);
    }
  }

  @Test
  void republishes_the_original_data_and_attributes_and_acks_once_confirmed() {
    DeadLetter letter = letter("1", ATTRIBUTES);

    ReplayReport report = replay(List.of(letter));

    assertThat(republisher.published).hasSize(1);
    PubsubMessage sent = republisher.published.get(0);
    assertThat(sent.getData()).isEqualTo(letter.data());
    assertThat(sent.getAttributesMap()).containsExactly(Map.entry("event_id", "e-1"));
    assertThat(source.acked).containsExactly("ack-1");
    assertThat(source.released).isEmpty();
    assertThat(report.summary()).isEqualTo("replayed=1 skipped=4 failed=0");
  }

  @Test
  void a_failed_or_unconfirmed_publish_is_released_not_acked() {
    republisher.failing = Set.of("2");
    republisher.unanswered = Set.of("3");

    ReplayReport report =
        replay(List.of(letter("1", ATTRIBUTES), letter("2", ATTRIBUTES), letter("3", ATTRIBUTES)));

    assertThat(source.acked).containsExactly("ack-1");
    assertThat(source.released).containsExactly("ack-2", "ack-3");
    assertThat(report.failures()).extracting(f -> f.letter().messageId()).containsExactly("2", "3");
    assertThat(report.failures().get(0).cause()).contains("failed").contains("UNAVAILABLE");
    assertThat(report.failures().get(1).cause()).contains("not confirmed");
    assertThat(report.summary()).isEqualTo("replayed=1 skipped=4 failed=2");
  }

  @Test
  void a_dead_letter_whose_data_was_dropped_is_not_replayed_and_stays_parked() {
    Map<String, String> dropped = new java.util.HashMap<>(ATTRIBUTES);
    dropped.put(DeadLetterAttributes.DATA_DROPPED_BYTES, "9999000");

    ReplayReport report = replay(List.of(letter("1", dropped), letter("2", ATTRIBUTES)));

    assertThat(republisher.published).hasSize(1);
    assertThat(source.acked).containsExactly("ack-2");
    assertThat(source.released).containsExactly("ack-1");
    assertThat(report.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("9999000 bytes").contains("was dropped"));
  }

  @Test
  void a_failed_ack_after_a_confirmed_publish_is_reported_as_a_failure() {
    source.failAcks = new IllegalStateException("ack refused");

    ReplayReport report = replay(List.of(letter("1", ATTRIBUTES)));

    assertThat(report.replayed()).isEmpty();
    assertThat(report.failures()).hasSize(1);
    assertThat(report.failures().get(0).cause())
        .contains("republished as new-1")
        .contains("ack refused");
  }
}
