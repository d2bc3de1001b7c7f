package io.lagline.reconciler.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
  private final FakeDeadLetterSource source = new FakeDeadLetterSource();

  @Test
  void renews_the_leases_of_held_messages_until_they_are_acked_or_released() {
    try (LeaseKeeper lease = new LeaseKeeper(source, Duration.ofMillis(20))) {
      lease.hold(List.of("a", "b", "c"));
      lease.ack(List.of("a"));
      lease.release(List.of("b"));

      await().atMost(Duration.ofSeconds(5)).until(() -> source.leases.get("c") >= 3);

      assertThat(source.leases.get("a")).isEqualTo(1);
      assertThat(source.leases.get("b")).isEqualTo(1);
      assertThat(lease.held()).isEqualTo(1);
    }
  }

  @Test
  void close_releases_what_is_still_held_and_never_acks_it() {
    LeaseKeeper lease = new LeaseKeeper(source, Duration.ofHours(1));
    lease.hold(List.of("a", "b"));
    lease.ack(List.of("a"));

    lease.close();

    assertThat(source.acked).containsExactly("a");
    assertThat(source.released).containsExactly("b");
  }

  @Test
  void a_forgotten_ack_id_is_neither_renewed_nor_released() {
    LeaseKeeper lease = new LeaseKeeper(source, Duration.ofHours(1));
    lease.hold(List.of("old"));
    lease.forget("old");

    lease.close();

    assertThat(source.released).isEmpty();
  }
}
