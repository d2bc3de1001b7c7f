package io.lagline.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublishTimeTest {
  private static final Instant FALLBACK = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void a_pulled_message_gives_its_publish_time_to_the_nanosecond() {
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setPublishTime(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(123_456_789))
            .build();

    assertThat(PublishTime.of(message, FALLBACK))
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
  }

  @Test
  void a_message_without_one_gives_the_fallback() {
    assertThat(PublishTime.of(PubsubMessage.getDefaultInstance(), FALLBACK)).isEqualTo(FALLBACK);
  }
}
