package io.lagline.reconciler.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import io.lagline.reconciler.FakeClock;
import io.lagline.reconciler.config.IntakeHealthConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StreamWatchTest {
  private static final Instant T0 = Instant.parse("2026-12-05T06:00:00Z");
  private static final String SUB = "projects/p/subscriptions/events";
  private static final String TOO_BIG = "gRPC message exceeds maximum size 4194304: 5242960";

  private final FakeClock clock = new FakeClock(T0);
  private final List<Status.Code> counted = new ArrayList<>();
  private final StreamWatch watch =
      new StreamWatch(
          SUB,
          new IntakeHealthConfig(Duration.ofMinutes(5), 3, Duration.ofMinutes(2)),
          clock,
          counted::add);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(StreamWatch.class);

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
    logger.setLevel(null);
  }

  @Test
  void errors_are_unanswered_until_a_message_arrives_after_them() {
    Instant t1 = T0.plusSeconds(1);
    Instant t2 = T0.plusSeconds(2);
    Instant t3 = T0.plusSeconds(3);
    List<Instant> errors = List.of(t1, t2, t3);

    assertThat(StreamWatch.unanswered(List.of(), null)).isZero();
    assertThat(StreamWatch.unanswered(errors, null)).as("nothing ever received").isEqualTo(3);
    assertThat(StreamWatch.unanswered(errors, T0)).as("received before them").isEqualTo(3);
    assertThat(StreamWatch.unanswered(errors, t2)).as("received between").isEqualTo(1);
    assertThat(StreamWatch.unanswered(errors, t3)).as("received at the last").isZero();
  }

  @Test
  void a_warning_is_due_first_and_then_once_per_interval() {
    Duration minute = Duration.ofMinutes(1);

    assertThat(StreamWatch.warnDue(T0, null, minute)).isTrue();
    assertThat(StreamWatch.warnDue(T0.plusSeconds(59), T0, minute)).isFalse();
    assertThat(StreamWatch.warnDue(T0.plusSeconds(60), T0, minute)).isTrue();
  }

  @Test
  void a_single_reconnect_is_counted_logged_at_info_and_leaves_readiness_alone() {
    watch.failed(Status.Code.UNAVAILABLE, "The service was unable to fulfill your request");

    assertThat(counted).containsExactly(Status.Code.UNAVAILABLE);
    assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
    assertThat(watch.problem()).isEmpty();
  }

  @Test
  void repeated_errors_warn_once_a_minute_naming_the_cause_and_fail_readiness() {
    for (int i = 0; i < 10; i++) {
      watch.failed(Status.Code.RESOURCE_EXHAUSTED, TOO_BIG);
      clock.advance(Duration.ofSeconds(10));
    }

    assertThat(counted).hasSize(10).containsOnly(Status.Code.RESOURCE_EXHAUSTED);
    List<String> warnings = warnings();
    // the third error (at 20 s) and the ninth (at 80 s, a minute later)
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0))
        .contains(SUB, "3 error(s)", "(3 since the last warning)", "RESOURCE_EXHAUSTED", TOO_BIG)
        .contains("last message received never");
    assertThat(warnings.get(1)).contains("9 error(s)", "(6 since the last warning)");
    assertThat(watch.problem())
        .hasValueSatisfying(
            why -> assertThat(why).contains(SUB, "RESOURCE_EXHAUSTED: " + TOO_BIG, "10 stream"));
  }

  @Test
  void a_message_received_after_the_errors_makes_it_ready_again() {
    for (int i = 0; i < 3; i++) {
      watch.failed(Status.Code.INTERNAL, "stream reset");
    }
    assertThat(watch.problem()).isPresent();

    clock.advance(Duration.ofSeconds(1));
    watch.received();

    assertThat(watch.problem()).isEmpty();
  }

  @Test
  void errors_older_than_the_window_are_forgotten() {
    for (int i = 0; i < 3; i++) {
      watch.failed(Status.Code.UNAVAILABLE, null);
    }
    assertThat(watch.problem()).hasValueSatisfying(why -> assertThat(why).contains("UNAVAILABLE"));

    clock.advance(Duration.ofMinutes(5));

    assertThat(watch.problem()).isEmpty();
    watch.failed(Status.Code.UNAVAILABLE, null);
    assertThat(log.list)
        .extracting(ILoggingEvent::getLevel)
        .as("the first error of a fresh window is news again")
        .endsWith(Level.INFO);
  }

  private List<String> warnings() {
    return log.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
