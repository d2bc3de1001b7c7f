package io.lagline.reconciler.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiveLagTest {
  private static final Instant START = Instant.parse("2026-12-05T10:00:00.000Z");

  private final FakeClock clock = new FakeClock(START);
  private final ReceiveLag lag = new ReceiveLag(clock);

  @Test
  void reads_zero_before_the_first_message() {
    assertThat(lag.seconds()).isZero();
  }

  @Test
  void reads_the_age_of_the_oldest_message_received_in_the_window() {
    lag.received(START.minusSeconds(90));
    lag.received(START.minusSeconds(30));
    clock.advance(Duration.ofSeconds(2));
    lag.received(START.minusSeconds(60));

    assertThat(lag.seconds()).isEqualTo(92.0);
  }

  @Test
  void grows_with_time_while_the_messages_still_count() {
    lag.received(START.minusSeconds(40));
    clock.advance(Duration.ofSeconds(5));

    assertThat(lag.seconds()).isEqualTo(45.0);
  }

  @Test
  void a_fresh_message_does_not_hide_an_older_one_received_in_the_window() {
    lag.received(START.minusSeconds(120));
    clock.advance(Duration.ofMillis(300));
    lag.received(START);

    assertThat(lag.seconds()).isEqualTo(120.3);
  }

  @Test
  void falls_to_zero_a_window_after_the_last_receipt_when_nothing_arrives() {
    lag.received(START.minusSeconds(600));
    clock.advance(ReceiveLag.WINDOW.minusSeconds(1));
    assertThat(lag.seconds()).isEqualTo(609.0);

    clock.advance(Duration.ofSeconds(1));

    assertThat(lag.seconds()).isZero();
  }

  @Test
  void heartbeats_alone_keep_it_below_about_the_heartbeat_interval() {
    double highest = 0;
    for (int beat = 0; beat < 6; beat++) {
      lag.received(clock.instant().minusMillis(50));
      for (int tenth = 0; tenth < 100; tenth++) {
        highest = Math.max(highest, lag.seconds());
        clock.advance(Duration.ofMillis(100));
      }
    }

    assertThat(highest).isLessThanOrEqualTo(10.05);
  }

  @Test
  void a_backlog_drained_in_publish_order_reads_its_age_then_falls_once_it_is_gone() {
    // published over the last 5 min, received at 100 messages a second, oldest first
    Instant published = START.minus(Duration.ofMinutes(5));
    for (int i = 0; i < 100; i++) {
      lag.received(published.plusSeconds(i));
      clock.advance(Duration.ofMillis(10));
    }
    assertThat(lag.seconds()).isBetween(300.0, 301.0);

    clock.advance(ReceiveLag.WINDOW);
    lag.received(clock.instant());

    assertThat(lag.seconds()).isZero();
  }
}
