package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.Event;
import io.lagline.event.Heartbeat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PublishMetrics metrics = new PublishMetrics();
  private final CapturingScheduler scheduler = new CapturingScheduler();
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  HeartbeatsTest() {
    metrics.bindTo(registry);
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private Heartbeats heartbeats(Duration interval) {
    return new Heartbeats(publisher, "web-1-abc", interval, clock, scheduler, false, metrics);
  }

  @Test
  void emits_one_heartbeat_at_once_then_schedules_one_per_interval() {
    Heartbeats heartbeats = heartbeats(Duration.ofSeconds(10));

    heartbeats.schedule();

    assertThat(publisher.events).singleElement().satisfies(HeartbeatsTest::isHeartbeat);
    assertThat(scheduler.periods).containsExactly(10_000L);
    assertThat(scheduler.initialDelays).containsExactly(10_000L);
  }

  @Test
  void a_zero_interval_turns_heartbeats_off() {
    heartbeats(Duration.ZERO).schedule();

    assertThat(publisher.events).isEmpty();
    assertThat(scheduler.periods).isEmpty();
  }

  @Test
  void a_negative_or_tiny_interval_is_refused_with_the_rule() {
    assertThatThrownBy(() -> heartbeats(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 0 (off) or at least 100ms, was -1000ms");
    assertThatThrownBy(() -> heartbeats(Duration.ofMillis(5))).hasMessageContaining("was 5ms");
  }

  @Test
  void versions_are_epoch_millis_and_strictly_increase_even_when_the_clock_does_not() {
    Heartbeats heartbeats = heartbeats(Duration.ofSeconds(10));

    long first = heartbeats.nextVersion();
    long second = heartbeats.nextVersion();
    clock = Clock.fixed(NOW.minusSeconds(5), ZoneOffset.UTC); // a clock stepping back
    long third = heartbeats(Duration.ofSeconds(10)).nextVersion();

    assertThat(first).isEqualTo(NOW.toEpochMilli());
    assertThat(second).isEqualTo(first + 1);
    assertThat(third).isEqualTo(NOW.minusSeconds(5).toEpochMilli());
  }

  @Test
  void counts_confirmed_and_failed_heartbeats() {
    Heartbeats heartbeats = heartbeats(Duration.ofSeconds(10));

    heartbeats.emit();
    publisher.failNext = true;
    heartbeats.emit();

    assertThat(count("ok")).isEqualTo(1);
    assertThat(count("failed")).isEqualTo(1);
  }

  @Test
  void close_cancels_the_schedule() {
    Heartbeats heartbeats = heartbeats(Duration.ofSeconds(1));
    heartbeats.schedule();

    heartbeats.close();

    assertThat(scheduler.tasks).allSatisfy(task -> assertThat(task.isCancelled()).isTrue());
  }

  private double count(String outcome) {
    return registry
        .get(PublishMetrics.HEARTBEATS)
        .tag(PublishMetrics.OUTCOME, outcome)
        .counter()
        .count();
  }

  private static void isHeartbeat(Event event) {
    assertThat(event.eventType()).isEqualTo(Heartbeat.EVENT_TYPE);
    assertThat(event.entityKey()).isEqualTo("web-1-abc");
    assertThat(event.entityVersion()).isEqualTo(NOW.toEpochMilli());
    assertThat(event.occurredAt()).isEqualTo(NOW);
    assertThat(event.payload().get(Heartbeat.INTERVAL_MS).asLong()).isEqualTo(10_000);
  }

  /** Publishes nothing; records events and confirms (or fails) them at once. */
  private static final class RecordingPublisher implements EventPublisher {
    final List<Event> events = new ArrayList<>();
    boolean failNext;

    @Override
    public CompletableFuture<PublishReceipt> publish(Event event) {
      events.add(event);
      if (failNext) {
        failNext = false;
        return CompletableFuture.failedFuture(new IllegalStateException("unavailable"));
      }
      return CompletableFuture.completedFuture(new PublishReceipt(event.eventId(), "m-1"));
    }

    @Override
    public CompletableFuture<PublishReceipt> publish(JsonNode command) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  /** Records what is scheduled instead of running it. */
  private static final class CapturingScheduler extends ScheduledThreadPoolExecutor {
    final List<Long> initialDelays = new ArrayList<>();
    final List<Long> periods = new ArrayList<>();
    final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    CapturingScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
        Runnable command, long initialDelay, long period, TimeUnit unit) {
      initialDelays.add(unit.toMillis(initialDelay));
      periods.add(unit.toMillis(period));
      ScheduledFuture<?> task = super.schedule(() -> {}, 1, TimeUnit.HOURS);
      tasks.add(task);
      return task;
    }
  }
}
