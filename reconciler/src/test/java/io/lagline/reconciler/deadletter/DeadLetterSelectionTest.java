package io.lagline.reconciler.deadletter;

import static io.lagline.reconciler.deadletter.FakeDeadLetterSource.letter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterSelectionTest {
  private final DeadLetter missing = letter("1", Map.of(DeadLetterAttributes.REASON, "missing"));
  private final DeadLetter forwarded = letter("2", Map.of());

  @Test
  void without_a_reason_every_message_matches() {
    DeadLetterSelection any = new DeadLetterSelection(null, 10);

    assertThat(any.matches(missing)).isTrue();
    assertThat(any.matches(forwarded)).isTrue();
    assertThat(new DeadLetterSelection(" ", 10).reason()).isNull();
  }

  @Test
  void a_reason_matches_only_that_reason_including_pubsubs_own() {
    assertThat(new DeadLetterSelection("missing", 10).matches(missing)).isTrue();
    assertThat(new DeadLetterSelection("missing", 10).matches(forwarded)).isFalse();
    assertThat(new DeadLetterSelection("max_delivery_attempts", 10).matches(forwarded)).isTrue();
  }

  @Test
  void the_limit_must_be_positive() {
    assertThatThrownBy(() -> new DeadLetterSelection(null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }
}
