package io.lagline.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NotificationReceiverTest {
  private final List<String> handled = new ArrayList<>();
  private final VersionWaiter waiter = new VersionWaiter(100, new FakeScheduler());
  private final Deduplicator deduplicator = new Deduplicator(100);
  private boolean failNext;

  private final NotificationReceiver receiver =
      new NotificationReceiver(
          n -> {
            if (failNext) {
              failNext = false;
              throw new IllegalStateException("downstream unavailable");
            }
            handled.add(n.eventId());
          },
          deduplicator,
          waiter);

  @Test
  void each_event_is_handled_once_and_every_copy_is_acked() {
    assertThat(receive(TestNotifications.message("e-1", "device-42", 17))).isEqualTo("ack");
    assertThat(receive(TestNotifications.message("e-1", "device-42", 17))).isEqualTo("ack");
    assertThat(receive(TestNotifications.message("e-2", "device-42", 18))).isEqualTo("ack");

    assertThat(handled).containsExactly("e-1", "e-2");
    assertThat(receiver.counts()).isEqualTo(new ReconciledSubscriber.Counts(2, 1, 0, 0));
  }

  @Test
  void the_waiter_sees_each_notification_before_the_handler_returns() {
    CompletableFuture<Notification> wait = waiter.await("device-42", 17, Duration.ofSeconds(5));

    receive(TestNotifications.message("e-1", "device-42", 17));

    assertThat(wait).isCompleted();
  }

  @Test
  void a_message_that_is_not_a_notification_is_acked_and_counted() {
    PubsubMessage junk = PubsubMessage.newBuilder().setMessageId("m-junk").build();

    assertThat(receive(junk)).isEqualTo("ack");

    assertThat(handled).isEmpty();
    assertThat(receiver.counts().invalid()).isEqualTo(1);
  }

  @Test
  void a_handler_failure_nacks_and_the_redelivery_is_handled() {
    failNext = true;

    assertThat(receive(TestNotifications.message("e-1", "device-42", 17))).isEqualTo("nack");
    assertThat(receive(TestNotifications.message("e-1", "device-42", 17))).isEqualTo("ack");

    assertThat(handled).containsExactly("e-1");
    assertThat(receiver.counts()).isEqualTo(new ReconciledSubscriber.Counts(1, 0, 0, 1));
  }

  private String receive(PubsubMessage message) {
    List<String> replies = new ArrayList<>();
    receiver.receiveMessage(
        message,
        new AckReplyConsumer() {
          @Override
          public void ack() {
            replies.add("ack");
          }

          @Override
          public void nack() {
            replies.add("nack");
          }
        });
    assertThat(replies).hasSize(1);
    return replies.get(0);
  }
}
