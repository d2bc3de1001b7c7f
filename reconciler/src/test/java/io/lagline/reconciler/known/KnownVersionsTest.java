package io.lagline.reconciler.known;

import static io.lagline.reconciler.apply.WriteOutcome.APPLIED;
import static io.lagline.reconciler.apply.WriteOutcome.DUPLICATE;
import static io.lagline.reconciler.apply.WriteOutcome.STALE;
import static io.lagline.reconciler.mapping.WriteMode.DELETE_IF_NEWER;
import static io.lagline.reconciler.mapping.WriteMode.INSERT_IF_ABSENT;
import static io.lagline.reconciler.mapping.WriteMode.UPSERT_IF_NEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.apply.RowResult;
import io.lagline.reconciler.config.VersionCacheConfig;
import io.lagline.reconciler.known.KnownVersions.RowKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One test per rule of what a confirmed version lets the reconciler answer without asking. */
class KnownVersionsTest {
  private static final RowKey ROW = new RowKey("device_state", List.of("device-1"));
  private static final RowKey FACT = new RowKey("sync_history", List.of("device-1", "e-1"));

  private final AtomicLong nanos = new AtomicLong();
  private final KnownVersions known =
      KnownVersions.of(new VersionCacheConfig(3, Duration.ofMinutes(15)), nanos::get);

  @Test
  void a_row_never_confirmed_is_asked_about() {
    assertThat(known.answer(ROW, UPSERT_IF_NEWER, 5)).isEmpty();
    assertThat(known.answer(FACT, INSERT_IF_ABSENT, 5)).isEmpty();
  }

  @Test
  void the_version_confirmed_in_the_row_is_a_duplicate() {
    known.learn(ROW, UPSERT_IF_NEWER, new RowResult(APPLIED, 5));

    assertThat(known.answer(ROW, UPSERT_IF_NEWER, 5)).contains(new RowResult(DUPLICATE, 5));
  }

  @Test
  void an_older_version_than_the_confirmed_one_is_stale_and_names_the_newer() {
    known.learn(ROW, UPSERT_IF_NEWER, new RowResult(STALE, 9)); // an answer reporting version 9

    assertThat(known.answer(ROW, UPSERT_IF_NEWER, 4)).contains(new RowResult(STALE, 9));
  }

  @Test
  void a_newer_version_may_apply_so_it_is_asked_about() {
    known.learn(ROW, UPSERT_IF_NEWER, new RowResult(APPLIED, 5));

    assertThat(known.answer(ROW, UPSERT_IF_NEWER, 6)).isEmpty();
  }

  @Test
  void a_lower_answer_never_lowers_the_bound() {
    known.learn(ROW, UPSERT_IF_NEWER, new RowResult(APPLIED, 8));
    known.learn(ROW, UPSERT_IF_NEWER, new RowResult(APPLIED, 6)); // a slower answer arriving late

    assertThat(known.answer(ROW, UPSERT_IF_NEWER, 7)).contains(new RowResult(STALE, 8));
  }

  @Test
  void a_versioned_delete_raises_the_bound_like_any_write() {
    known.learn(ROW, UPSERT_IF_NEWER, new RowResult(APPLIED, 5));
    known.learn(ROW, DELETE_IF_NEWER, new RowResult(APPLIED, 7));

    assertThat(known.answer(ROW, UPSERT_IF_NEWER, 6))
        .as("an older upsert cannot resurrect the deleted row")
        .contains(new RowResult(STALE, 7));
    assertThat(known.answer(ROW, UPSERT_IF_NEWER, 8)).as("a newer one may").isEmpty();
  }

  @Test
  void a_fact_row_known_to_exist_is_a_duplicate() {
    known.learn(FACT, INSERT_IF_ABSENT, new RowResult(APPLIED, 3));

    assertThat(known.answer(FACT, INSERT_IF_ABSENT, 3)).contains(new RowResult(DUPLICATE, 3));
  }

  @Test
  void knowing_a_row_exists_says_nothing_about_its_version() {
    assertThat(KnownVersions.answer(KnownVersions.EXISTS, UPSERT_IF_NEWER, 1)).isEmpty();
    assertThat(KnownVersions.answer(KnownVersions.EXISTS, INSERT_IF_ABSENT, 1))
        .contains(new RowResult(DUPLICATE, 1));
  }

  @Test
  void an_entry_is_not_trusted_after_it_expires() {
    known.learn(ROW, UPSERT_IF_NEWER, new RowResult(APPLIED, 5));

    nanos.addAndGet(Duration.ofMinutes(15).plusSeconds(1).toNanos());

    assertThat(known.answer(ROW, UPSERT_IF_NEWER, 5)).isEmpty();
  }

  @Test
  void holds_at_most_max_entries_and_counts_what_it_dropped() {
    for (int i = 0; i < 10; i++) {
      known.learn(
          new RowKey("device_state", List.of("device-" + i)),
          UPSERT_IF_NEWER,
          new RowResult(APPLIED, 1));
    }

    assertThat(known.size()).isEqualTo(3);
    assertThat(known.evictions()).isEqualTo(7);
  }

  @Test
  void turned_off_it_never_answers() {
    KnownVersions off = KnownVersions.of(new VersionCacheConfig(0, Duration.ofMinutes(15)));
    off.learn(ROW, UPSERT_IF_NEWER, new RowResult(APPLIED, 5));

    assertThat(off.enabled()).isFalse();
    assertThat(off.answer(ROW, UPSERT_IF_NEWER, 5)).isEmpty();
    assertThat(off.size()).isZero();
  }
}
