package io.lagline.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The open-loop driver against fake senders, on a short real clock (well under a second). */
class OpenLoopTest {
  private static final CpuMeter CPU = new CpuMeter(pid -> 0.0);

  @Test
  void every_due_send_is_sent_and_its_answer_counted() {
    Sender sender =
        (phase, i) ->
            CompletableFuture.completedFuture(
                i % 10 == 0 ? Outcome.REFUSED : i % 10 == 1 ? Outcome.FAILED : Outcome.ACCEPTED);

    PhaseResult result =
        PhaseResult.of(
            2000,
            List.of(
                new OpenLoop(sender, 16, Duration.ofSeconds(5), CPU)
                    .run("t", 2000, Duration.ofMillis(100))));

    assertThat(result.sends()).isEqualTo(200);
    assertThat(result.accepted()).isEqualTo(160);
    assertThat(result.refused()).isEqualTo(20);
    assertThat(result.failed()).isEqualTo(20);
    assertThat(result.latency().count()).isEqualTo(160);
    assertThat(result.seconds()).isGreaterThanOrEqualTo(0.0995);
  }

  @Test
  void beyond_the_in_flight_cap_sends_are_shed_and_unanswered_ones_counted() {
    Sender never = (phase, i) -> new CompletableFuture<>();

    PhaseResult result =
        PhaseResult.of(
            1000,
            List.of(
                new OpenLoop(never, 3, Duration.ofMillis(50), CPU)
                    .run("t", 1000, Duration.ofMillis(20))));

    assertThat(result.sends()).isEqualTo(20);
    assertThat(result.unanswered()).isEqualTo(3);
    assertThat(result.shed()).isEqualTo(17);
    assertThat(result.acceptedShare()).isZero();
    assertThat(result.latency().p99Ms()).isNaN();
  }

  @Test
  void a_slow_answer_does_not_delay_later_sends_and_counts_from_when_it_was_due() {
    long[] sentAt = new long[10];
    long start = System.nanoTime();
    Sender slowFirst =
        (phase, i) -> {
          sentAt[i] = System.nanoTime() - start;
          return i == 0
              ? CompletableFuture.supplyAsync(
                  () -> Outcome.ACCEPTED,
                  CompletableFuture.delayedExecutor(80, java.util.concurrent.TimeUnit.MILLISECONDS))
              : CompletableFuture.completedFuture(Outcome.ACCEPTED);
        };

    PhaseResult result =
        PhaseResult.of(
            100,
            List.of(
                new OpenLoop(slowFirst, 16, Duration.ofSeconds(5), CPU)
                    .run("t", 100, Duration.ofMillis(100))));

    assertThat(sentAt[1]).as("send 1 went out before send 0 was answered").isLessThan(70_000_000);
    assertThat(result.accepted()).isEqualTo(10);
    assertThat(result.latency().maxMs()).isGreaterThanOrEqualTo(80);
  }

  @Test
  void slices_of_one_phase_add_up() {
    Slice a =
        new Slice(
            new Outcome[] {Outcome.ACCEPTED, null},
            new long[] {2_000_000, 0},
            1,
            new CpuSample(1, 0.5, 0.25, 0.5, 1.5));
    Slice b =
        new Slice(
            new Outcome[] {Outcome.ACCEPTED, Outcome.SHED},
            new long[] {4_000_000, 0},
            1,
            new CpuSample(1, 0.5, 0.25, 0.5, 1.5));

    PhaseResult result = PhaseResult.of(2, List.of(a, b));

    assertThat(result.sends()).isEqualTo(4);
    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.unanswered()).isEqualTo(1);
    assertThat(result.shed()).isEqualTo(1);
    assertThat(result.latency().maxMs()).isEqualTo(4);
    assertThat(result.seconds()).isEqualTo(2);
    assertThat(result.cores()).isEqualTo(new CpuSample(1, 0.5, 0.25, 0.5, 1.5));
  }
}
