package io.lagline.reconciler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicDriftTest {
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void an_unset_retention_is_raised_naming_the_key() {
    assertThat(TopicDrift.retention(Optional.empty(), WEEK))
        .contains("pubsub.topic-retention: message retention none -> 7d");
    assertThat(TopicDrift.longer(Optional.empty(), WEEK)).isEmpty();
  }

  @Test
  void a_shorter_retention_is_raised_saying_from_what() {
    assertThat(TopicDrift.retention(Optional.of(Duration.ofMinutes(90)), WEEK))
        .contains("pubsub.topic-retention: message retention 90m -> 7d");
  }

  @Test
  void the_wanted_retention_needs_nothing() {
    assertThat(TopicDrift.retention(Optional.of(WEEK), WEEK)).isEmpty();
    assertThat(TopicDrift.longer(Optional.of(WEEK), WEEK)).isEmpty();
  }

  @Test
  void a_longer_retention_is_kept_and_said_so() {
    Optional<Duration> month = Optional.of(Duration.ofDays(31));

    assertThat(TopicDrift.retention(month, WEEK)).isEmpty();
    assertThat(TopicDrift.longer(month, WEEK))
        .contains("message retention 31d kept, longer than pubsub.topic-retention = 7d");
  }
}
