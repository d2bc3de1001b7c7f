package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.SettableLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WriteLimiterTest {
  private final List<Runnable> executed = new ArrayList<>();
  private final SettableLimit limit = new SettableLimit(2);
  private final List<Boolean> drops = new ArrayList<>();
  private final WriteLimiter limiter =
      new WriteLimiter(
          new RecordingLimit(limit, drops),
          executed::add,
          e ->
              e instanceof IllegalStateException
                  ? WriteLimiter.Signal.OVERLOAD
                  : WriteLimiter.Signal.NONE);

  @Test
  void holds_writes_beyond_the_limit_until_a_slot_frees() {
    List<CompletableFuture<String>> writes = new ArrayList<>();
    List<CompletionStage<String>> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CompletableFuture<String> write = new CompletableFuture<>();
      writes.add(write);
      results.add(limiter.submit(() -> write));
    }
    assertThat(limiter.inFlight()).isEqualTo(2);
    assertThat(limiter.queued()).isEqualTo(1);

    writes.get(0).complete("a");

    assertThat(results.get(0).toCompletableFuture()).isCompletedWithValue("a");
    assertThat(executed)
        .as("the queued write starts on the executor, not on the completing stack")
        .hasSize(1);
    executed.get(0).run();
    writes.get(2).complete("c");
    assertThat(results.get(2).toCompletableFuture()).isCompletedWithValue("c");
    assertThat(limiter.inFlight()).isEqualTo(1);
    assertThat(limiter.queued()).isZero();
  }

  @Test
  void a_failing_write_frees_its_slot_and_reports_the_failure() {
    CompletionStage<String> failed =
        limiter.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("x")));
    CompletionStage<String> thrown =
        limiter.submit(
            () -> {
              throw new IllegalStateException("y");
            });

    assertThat(failed.toCompletableFuture()).isCompletedExceptionally();
    assertThat(thrown.toCompletableFuture()).isCompletedExceptionally();
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void a_raised_limit_starts_more_queued_writes_when_the_next_write_finishes() {
    List<CompletableFuture<String>> writes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      CompletableFuture<String> write = new CompletableFuture<>();
      writes.add(write);
      limiter.submit(() -> write);
    }
    assertThat(limiter.queued()).isEqualTo(3);

    limit.setLimit(4);
    writes.get(0).complete("a");

    assertThat(executed).as("the freed slot and the two new ones").hasSize(3);
    assertThat(limiter.inFlight()).isEqualTo(4);
    assertThat(limiter.queued()).isZero();
  }

  @Test
  void a_lowered_limit_holds_new_writes_until_enough_have_finished() {
    List<CompletableFuture<String>> writes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      CompletableFuture<String> write = new CompletableFuture<>();
      writes.add(write);
      limiter.submit(() -> write);
    }
    limit.setLimit(1);
    limiter.submit(CompletableFuture::new);

    writes.get(0).complete("a");
    assertThat(executed).as("one write still runs: the limit is reached").isEmpty();
    writes.get(1).complete("b");
    assertThat(executed).hasSize(1);
  }

  @Test
  void successes_are_samples_overload_failures_drops_and_other_failures_not_sampled_at_all() {
    limiter.submit(() -> CompletableFuture.completedFuture("ok"));
    limiter.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("overloaded")));
    limiter.submit(() -> CompletableFuture.failedFuture(new IllegalArgumentException("refused")));
    limiter.submit(() -> CompletableFuture.completedFuture("ok"));

    assertThat(drops).containsExactly(false, true, false);
    assertThat(limiter.inFlight()).isZero();
  }

  /** Passes samples on and records whether each was a drop. */
  private record RecordingLimit(Limit delegate, List<Boolean> drops) implements Limit {
    @Override
    public int getLimit() {
      return delegate.getLimit();
    }

    @Override
    public void notifyOnChange(Consumer<Integer> consumer) {
      delegate.notifyOnChange(consumer);
    }

    @Override
    public void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
      drops.add(didDrop);
      delegate.onSample(startTime, rtt, inflight, didDrop);
    }
  }
}
