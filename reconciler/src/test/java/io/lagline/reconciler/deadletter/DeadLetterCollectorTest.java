package io.lagline.reconciler.deadletter;

import static io.lagline.reconciler.deadletter.FakeDeadLetterSource.letter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterCollectorTest {
  private static final Map<String, String> MISSING = Map.of(DeadLetterAttributes.REASON, "missing");
  private static final Map<String, String> UNKNOWN = Map.of(DeadLetterAttributes.REASON, "unknown");

  private final FakeDeadLetterSource source = new FakeDeadLetterSource();

  private DeadLetterCollector.Collected collect(DeadLetterSelection selection) {
    try (LeaseKeeper lease = new LeaseKeeper(source, Duration.ofHours(1))) {
      return new DeadLetterCollector(source, lease).collect(selection);
    }
  }

  @Test
  void pulls_until_a_pull_returns_nothing_and_leases_every_message() {
    source.then(letter("1", MISSING), letter("2", UNKNOWN)).then(letter("3", Map.of()));

    DeadLetterCollector.Collected collected =
        collect(new DeadLetterSelection(null, DeadLetterSelection.UNLIMITED));

    assertThat(collected.chosen()).extracting(DeadLetter::messageId).containsExactly("1", "2", "3");
    assertThat(collected.skippedAckIds()).isEmpty();
    assertThat(collected.limitReached()).isFalse();
    assertThat(source.pulls).isEqualTo(3);
    assertThat(source.leases).containsOnlyKeys("ack-1", "ack-2", "ack-3");
  }

  @Test
  void counts_every_message_read_by_reason_and_skips_other_reasons() {
    source.then(letter("1", MISSING), letter("2", UNKNOWN), letter("3", Map.of()));

    DeadLetterCollector.Collected collected =
        collect(new DeadLetterSelection("missing", DeadLetterSelection.UNLIMITED));

    assertThat(collected.chosen()).extracting(DeadLetter::messageId).containsExactly("1");
    assertThat(collected.skippedAckIds()).containsExactly("ack-2", "ack-3");
    assertThat(collected.readByReason())
        .containsExactly(
            Map.entry(DeadLetterAttributes.MAX_DELIVERY_ATTEMPTS, 1),
            Map.entry("missing", 1),
            Map.entry("unknown", 1));
    assertThat(collected.read()).isEqualTo(3);
  }

  @Test
  void stops_pulling_at_the_limit_and_skips_the_rest_of_the_batch() {
    source.then(letter("1", MISSING), letter("2", MISSING), letter("3", MISSING));
    source.then(letter("4", MISSING));

    DeadLetterCollector.Collected collected = collect(new DeadLetterSelection(null, 2));

    assertThat(collected.chosen()).extracting(DeadLetter::messageId).containsExactly("1", "2");
    assertThat(collected.skippedAckIds()).containsExactly("ack-3");
    assertThat(collected.limitReached()).isTrue();
    assertThat(source.pulls).isEqualTo(1);
  }

  @Test
  void asks_each_pull_for_no_more_than_the_limit_still_needs() {
    source.then(letter("1", MISSING), letter("2", UNKNOWN)).then(letter("3", MISSING));

    DeadLetterCollector.Collected collected = collect(new DeadLetterSelection("missing", 5));

    assertThat(source.asked).containsExactly(5, 4, 3);
    assertThat(collected.read()).isEqualTo(3);
  }

  @Test
  void a_small_limit_reads_no_more_than_it_lists() {
    source.then(letter("1", MISSING), letter("2", MISSING));

    DeadLetterCollector.Collected collected = collect(new DeadLetterSelection(null, 2));

    assertThat(source.asked).containsExactly(2);
    assertThat(collected.chosen()).hasSize(2);
    assertThat(collected.limitReached()).isTrue();
  }

  @Test
  void a_message_delivered_again_in_the_same_run_is_kept_once_with_its_new_ack_id() {
    source.then(letter("1", "first", MISSING)).then(letter("1", "second", MISSING));

    DeadLetterCollector.Collected collected =
        collect(new DeadLetterSelection(null, DeadLetterSelection.UNLIMITED));

    assertThat(collected.chosen()).extracting(DeadLetter::ackId).containsExactly("second");
    assertThat(collected.read()).isEqualTo(1);
  }

  @Test
  void nothing_is_acked_and_closing_the_lease_releases_everything_read() {
    source.then(letter("1", MISSING), letter("2", UNKNOWN));

    collect(new DeadLetterSelection("missing", 1));

    assertThat(source.acked).isEmpty();
    assertThat(source.released).containsExactlyInAnyOrder("ack-1", "ack-2");
  }
}
