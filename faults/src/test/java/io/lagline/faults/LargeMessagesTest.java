package io.lagline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.event.EventCodec;
import io.lagline.event.EventRules;
import io.lagline.event.InvalidEventException;
import io.lagline.reconciler.apply.ErrorClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargeMessagesTest {
  private static final FaultWorkload BASE = FaultWorkload.generate(600, 100, 0.01, 3);
  private static final FaultWorkload MIXED = LargeMessages.mixInto(BASE);

  @Test
  void good_large_events_have_their_exact_size_and_are_valid_events() {
    List<OutboundMessage> large =
        MIXED.publishOrder().stream().filter(m -> m.eventId().startsWith("large-")).toList();

    assertThat(large)
        .extracting(m -> (long) m.data().size())
        .containsExactlyInAnyOrderElementsOf(LargeMessages.GOOD_SIZES);
    assertThat(large)
        .allSatisfy(
            m -> assertThat(EventCodec.validate(m.attributes(), m.data().toByteArray())).isEmpty());
    assertThat(MIXED.distinct()).hasSize(BASE.distinct().size() + LargeMessages.GOOD_SIZES.size());
  }

  @Test
  void the_oversize_message_breaks_the_payload_limit_and_is_expected_as_invalid_payload() {
    OutboundMessage oversize = MIXED.poison().get(MIXED.poison().size() - 1);

    assertThat((long) oversize.data().size())
        .isEqualTo(LargeMessages.OVERSIZE)
        .isGreaterThan(EventRules.MAX_DATA_BYTES);
    var violations = EventCodec.validate(oversize.attributes(), oversize.data().toByteArray());
    assertThat(violations).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("data"));
    assertThat(ErrorClassifier.classify(new InvalidEventException(violations)).reason())
        .isEqualTo(oversize.expectedReason())
        .isEqualTo("invalid_payload");
  }

  @Test
  void every_large_message_is_published_once_on_a_device_of_its_own() {
    assertThat(MIXED.publishes()).isEqualTo(BASE.publishes() + 4);
    assertThat(MIXED.poison()).hasSize(BASE.poison().size() + 1);
    assertThat(MIXED.expected().historyRows()).isEqualTo(BASE.expected().historyRows() + 3);
  }
}
