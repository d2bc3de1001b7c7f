package io.lagline.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
  @Test
  void an_event_id_is_a_first_sighting_once() {
    Deduplicator dedup = new Deduplicator(10);

    assertThat(dedup.firstSighting("e-1")).isTrue();
    assertThat(dedup.firstSighting("e-1")).isFalse();
    assertThat(dedup.firstSighting("e-2")).isTrue();
  }

  @Test
  void the_window_holds_the_most_recent_ids_and_forgets_the_oldest() {
    Deduplicator dedup = new Deduplicator(1_000);

    IntStream.range(0, 10_000).forEach(i -> dedup.firstSighting("e-" + i));

    assertThat(dedup.size()).isEqualTo(1_000);
    assertThat(IntStream.range(9_000, 10_000).filter(i -> dedup.firstSighting("e-" + i)))
        .as("every id of the last 1,000 is still known")
        .isEmpty();
    assertThat(dedup.firstSighting("e-8999")).as("the 1,001st newest is forgotten").isTrue();
  }

  @Test
  void a_repeated_id_keeps_its_place_in_the_window() {
    Deduplicator dedup = new Deduplicator(2);
    dedup.firstSighting("a");
    dedup.firstSighting("b");
    dedup.firstSighting("a");

    dedup.firstSighting("c");

    assertThat(dedup.firstSighting("b")).isFalse();
    assertThat(dedup.firstSighting("a")).as("evicted by c: its repeat did not refresh it").isTrue();
  }

  @Test
  void a_forgotten_id_is_a_first_sighting_again() {
    Deduplicator dedup = new Deduplicator(10);
    dedup.firstSighting("e-1");

    dedup.forget("e-1");

    assertThat(dedup.firstSighting("e-1")).isTrue();
  }

  @Test
  void concurrent_copies_of_one_id_give_exactly_one_first_sighting() throws Exception {
    Deduplicator dedup = new Deduplicator(100_000);
    AtomicInteger first = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Future<?>[] runs = new Future<?>[8];
      for (int t = 0; t < runs.length; t++) {
        runs[t] =
            pool.submit(
                () ->
                    IntStream.range(0, 5_000)
                        .filter(i -> dedup.firstSighting("e-" + i))
                        .forEach(i -> first.incrementAndGet()));
      }
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(first).hasValue(5_000);
  }

  @Test
  void a_window_below_one_is_refused() {
    assertThatThrownBy(() -> new Deduplicator(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be at least 1, was 0");
  }
}
