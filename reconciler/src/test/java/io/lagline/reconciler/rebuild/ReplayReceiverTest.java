package io.lagline.reconciler.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayReceiverTest {
  private static final Instant SINCE = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant UNTIL = SINCE.plusSeconds(60);

  private final List<String> handled = new ArrayList<>();
  private final List<AckReplyConsumer> handlerReplies = new ArrayList<>();
  private final List<String> replies = new ArrayList<>();
  private final RebuildProgress progress = new RebuildProgress(SINCE, UNTIL, System::nanoTime);
  private final ReplayReceiver receiver =
      new ReplayReceiver(
          (message, reply) -> {
            handled.add(message.getMessageId());
            handlerReplies.add(reply);
          },
          UNTIL,
          Set.of("lagline.heartbeat"),
          progress,
          Clock.fixed(UNTIL.plusSeconds(600), ZoneOffset.UTC));

  private static PubsubMessage message(String id, String type, Instant published) {
    return PubsubMessage.newBuilder()
        .setMessageId(id)
        .putAttributes(Attributes.EVENT_TYPE, type)
        .setPublishTime(Timestamp.newBuilder().setSeconds(published.getEpochSecond()))
        .build();
  }

  private AckReplyConsumer reply(String id) {
    return new AckReplyConsumer() {
      @Override
      public void ack() {
        replies.add("ack " + id);
      }

      @Override
      public void nack() {
        replies.add("nack " + id);
      }
    };
  }

  @Test
  void a_message_published_after_until_is_acked_unwritten() {
    receiver.receiveMessage(message("m1", "DeviceSynced", UNTIL.plusSeconds(1)), reply("m1"));

    assertThat(handled).isEmpty();
    assertThat(replies).containsExactly("ack m1");
    assertThat(progress.beyond()).isEqualTo(1);
  }

  @Test
  void a_message_published_at_until_is_rebuilt() {
    receiver.receiveMessage(message("m1", "DeviceSynced", UNTIL), reply("m1"));

    assertThat(handled).containsExactly("m1");
  }

  @Test
  void an_event_type_that_writes_none_of_the_tables_is_acked_unwritten() {
    receiver.receiveMessage(message("m1", "lagline.heartbeat", SINCE.plusSeconds(5)), reply("m1"));

    assertThat(handled).isEmpty();
    assertThat(replies).containsExactly("ack m1");
    assertThat(progress.skipped()).isEqualTo(1);
  }

  @Test
  void the_handlers_ack_and_nack_reach_pubsub_and_the_progress() {
    receiver.receiveMessage(message("m1", "DeviceSynced", SINCE.plusSeconds(5)), reply("m1"));
    receiver.receiveMessage(message("m2", "DeviceSynced", SINCE.plusSeconds(6)), reply("m2"));
    assertThat(progress.unsettled()).isEqualTo(2);

    handlerReplies.get(0).ack();
    handlerReplies.get(1).nack();

    assertThat(replies).containsExactly("ack m1", "nack m2");
    assertThat(progress.settled()).isEqualTo(1);
    assertThat(progress.redelivered()).isEqualTo(1);
    assertThat(progress.unsettled()).as("m2 until its redelivery is acked").isEqualTo(1);
  }
}
