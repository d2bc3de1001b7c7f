package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.event.Event;
import org.junit.jupiter.api.Test;

class DrainBacklogTest {
  private final BenchWorkload warm = BenchWorkload.uniform("warm", 40, 20, 0, 5);
  private final BenchWorkload measured = BenchWorkload.uniform("d", 100, 50, 0, 7);

  @Test
  void the_warm_up_is_published_before_the_measured_events_and_both_are_read_back() {
    DrainBacklog backlog = DrainBacklog.warmed(warm, measured);

    assertThat(backlog.warmEvents()).isEqualTo(40);
    assertThat(backlog.published()).hasSize(140);
    assertThat(backlog.published().subList(0, 40)).isEqualTo(warm.events());
    assertThat(backlog.published().subList(40, 140)).isEqualTo(measured.events());
    assertThat(backlog.expected())
        .hasSize(warm.entities() + measured.entities())
        .containsAllEntriesOf(warm.newest())
        .containsAllEntriesOf(measured.newest());
  }

  @Test
  void a_redelivered_backlog_publishes_every_event_twice_and_expects_each_entity_once() {
    DrainBacklog backlog = DrainBacklog.redelivered(measured);

    assertThat(backlog.warmEvents()).isEqualTo(100);
    assertThat(backlog.published())
        .hasSize(200)
        .containsSequence(measured.events())
        .endsWith(measured.events().toArray(Event[]::new));
    assertThat(backlog.expected()).isEqualTo(measured.newest());
  }

  @Test
  void a_cold_backlog_has_no_warm_up() {
    DrainBacklog backlog = DrainBacklog.cold(measured);

    assertThat(backlog.warmEvents()).isZero();
    assertThat(backlog.published()).isEqualTo(measured.events());
    assertThat(backlog.expected()).isEqualTo(measured.newest());
  }

  @Test
  void a_warm_up_that_touches_the_measured_entities_differently_is_refused() {
    BenchWorkload sameKeys = BenchWorkload.uniform("d", 100, 50, 0, 8);

    assertThatThrownBy(() -> DrainBacklog.warmed(sameKeys, measured).expected())
        .isInstanceOf(BenchException.class)
        .hasMessageContaining("both touch d-");
  }
}
