package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class KeySequencerTest {
  private final KeySequencer sequencer = new KeySequencer();

  @Test
  void runs_one_task_per_key_at_a_time_and_other_keys_in_parallel() {
    CompletableFuture<String> firstA = new CompletableFuture<>();
    boolean[] secondStarted = {false};

    CompletableFuture<String> a1 = sequencer.submit("a", () -> firstA);
    CompletableFuture<String> a2 =
        sequencer.submit(
            "a",
            () -> {
              secondStarted[0] = true;
              return CompletableFuture.completedFuture("a2");
            });
    CompletableFuture<String> b1 =
        sequencer.submit("b", () -> CompletableFuture.completedFuture("b1"));

    assertThat(b1).isCompletedWithValue("b1");
    assertThat(secondStarted[0]).isFalse();
    assertThat(sequencer.activeKeys()).isEqualTo(1);

    firstA.complete("a1");

    assertThat(a1).isCompletedWithValue("a1");
    assertThat(a2).isCompletedWithValue("a2");
    assertThat(sequencer.activeKeys()).isZero();
  }

  @Test
  void a_failed_task_does_not_block_the_next_one_of_its_key() {
    CompletableFuture<String> failed =
        sequencer.submit("a", () -> CompletableFuture.failedFuture(new IllegalStateException("x")));
    CompletableFuture<String> next =
        sequencer.submit("a", () -> CompletableFuture.completedFuture("ok"));

    assertThat(failed).isCompletedExceptionally();
    assertThat(next).isCompletedWithValue("ok");
  }
}
