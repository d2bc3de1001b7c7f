package io.lagline.reconciler.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightMessagesTest {
  private static final long S = 1_000_000_000L;

  @Test
  void stalled_time_runs_from_the_later_of_the_last_reply_and_the_oldest_held_message() {
    // oldest held message received, last reply, now
    assertThat(InFlightMessages.stalledSeconds(100 * S, 40 * S, 130 * S))
        .as("a quiet spell before the message arrived is no stall")
        .isEqualTo(30.0);
    assertThat(InFlightMessages.stalledSeconds(100 * S, 125 * S, 130 * S))
        .as("replies keep coming while it is held")
        .isEqualTo(5.0);
    assertThat(InFlightMessages.stalledSeconds(100 * S, 100 * S, 400 * S))
        .as("held five minutes with no reply at all")
        .isEqualTo(300.0);
    assertThat(InFlightMessages.stalledSeconds(100 * S, 131 * S, 130 * S))
        .as("never negative")
        .isZero();
  }

  @Test
  void nothing_held_is_no_stall() {
    InFlightMessages inFlight = new InFlightMessages();

    assertThat(inFlight.stalledSeconds()).isZero();
  }
}
