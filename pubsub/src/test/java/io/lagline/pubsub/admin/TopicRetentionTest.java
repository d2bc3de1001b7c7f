package io.lagline.pubsub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import com.google.pubsub.v1.Topic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicRetentionTest {
  @Test
  void a_topic_without_retention_has_none() {
    assertThat(TopicRetention.of(Topic.newBuilder().setName("projects/p/topics/t").build()))
        .isEmpty();
  }

  @Test
  void a_zero_retention_is_none() {
    assertThat(
            TopicRetention.of(
                Topic.newBuilder().setMessageRetentionDuration(Durations.fromSeconds(0)).build()))
        .isEmpty();
  }

  @Test
  void a_set_retention_reads_back_as_written() {
    Topic topic =
        Topic.newBuilder()
            .setMessageRetentionDuration(TopicRetention.toProto(Duration.ofDays(31)))
            .build();

    assertThat(topic.getMessageRetentionDuration()).isEqualTo(Durations.fromDays(31));
    assertThat(TopicRetention.of(topic)).contains(Duration.ofDays(31));
  }
}
