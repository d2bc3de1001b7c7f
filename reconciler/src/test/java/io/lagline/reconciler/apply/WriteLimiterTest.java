package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class WriteLimiterTest {
  private final List<Runnable> executed = new ArrayList<>();
  private final WriteLimiter limiter = new WriteLimiter(2, executed::add);

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
}
