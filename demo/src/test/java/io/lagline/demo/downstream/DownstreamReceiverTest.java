package io.lagline.demo.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Heartbeat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DownstreamReceiverTest {
  private final FakeRows rows = new FakeRows();

  @Test
  void counts_one_read_per_message_and_the_reads_that_are_behind() {
    DownstreamReceiver receiver = new DownstreamReceiver(rows, List.of());
    rows.stored.put("device-1", new DeviceRow(3L, false));
    Reply first = new Reply();
    Reply second = new Reply();
    Reply newer = new Reply();

    receiver.receiveMessage(event("e1", "DeviceSynced", "device-1", 3), first);
    receiver.receiveMessage(event("e1", "DeviceSynced", "device-1", 3), second); // a duplicate
    receiver.receiveMessage(event("e2", "DeviceSynced", "device-1", 4), newer);
    rows.completeAll();

    assertThat(receiver.counts()).isEqualTo(new DownstreamCounts(3, 1));
    assertThat(List.of(first, second, newer)).allMatch(r -> r.acked);
  }

  @Test
  void acks_only_after_the_read_completed() {
    DownstreamReceiver receiver = new DownstreamReceiver(rows, List.of());
    Reply reply = new Reply();

    receiver.receiveMessage(event("e1", "DeviceSynced", "device-1", 1), reply);

    assertThat(reply.acked).isFalse();
    assertThat(receiver.counts()).isEqualTo(DownstreamCounts.NONE);
    rows.completeAll();
    assertThat(reply.acked).isTrue();
    assertThat(receiver.counts()).isEqualTo(new DownstreamCounts(1, 1));
  }

  @Test
  void acks_heartbeats_and_messages_without_an_envelope_unread() {
    DownstreamReceiver receiver = new DownstreamReceiver(rows, List.of());
    Reply heartbeat = new Reply();
    Reply bare = new Reply();

    receiver.receiveMessage(event("h1", Heartbeat.EVENT_TYPE, "host-1", 17), heartbeat);
    receiver.receiveMessage(PubsubMessage.newBuilder().build(), bare);

    assertThat(heartbeat.acked).isTrue();
    assertThat(bare.acked).isTrue();
    assertThat(rows.pending).isEmpty();
    assertThat(receiver.counts()).isEqualTo(DownstreamCounts.NONE);
  }

  @Test
  void nacks_when_the_read_fails_and_does_not_count_it() {
    DownstreamReceiver receiver = new DownstreamReceiver(rows, List.of("e1"));
    Reply reply = new Reply();

    receiver.receiveMessage(event("e1", "DeviceSynced", "device-1", 1), reply);
    rows.pending.remove(0).completeExceptionally(new IllegalStateException("timeout"));

    assertThat(reply.nacked).isTrue();
    assertThat(reply.acked).isFalse();
    assertThat(receiver.counts()).isEqualTo(DownstreamCounts.NONE);
    assertThat(receiver.missing()).isEqualTo(1);
  }

  @Test
  void tracks_the_awaited_events_not_read_yet() {
    DownstreamReceiver receiver = new DownstreamReceiver(rows, List.of("e1", "e2"));

    receiver.receiveMessage(event("e1", "DeviceSynced", "device-1", 1), new Reply());
    receiver.receiveMessage(event("e1", "DeviceSynced", "device-1", 1), new Reply());
    rows.completeAll();

    assertThat(receiver.missing()).isEqualTo(1);
  }

  @Test
  void holds_the_callback_while_64_reads_are_in_flight() throws Exception {
    DownstreamReceiver receiver = new DownstreamReceiver(rows, List.of());
    for (int i = 0; i < DownstreamReceiver.MAX_READS_IN_FLIGHT; i++) {
      receiver.receiveMessage(event("e" + i, "DeviceSynced", "device-" + i, 1), new Reply());
    }
    CountDownLatch started = new CountDownLatch(1);
    Thread next =
        new Thread(
            () -> {
              receiver.receiveMessage(event("last", "DeviceSynced", "device-x", 1), new Reply());
              started.countDown();
            });
    next.start();

    assertThat(started.await(200, TimeUnit.MILLISECONDS)).as("waits for a permit").isFalse();
    rows.pending.remove(0).complete(DeviceRow.ABSENT);
    assertThat(started.await(5, TimeUnit.SECONDS)).as("started once a read finished").isTrue();
    next.join();
    assertThat(rows.pending).hasSize(DownstreamReceiver.MAX_READS_IN_FLIGHT);
  }

  private static PubsubMessage event(String id, String type, String key, long version) {
    return PubsubMessage.newBuilder()
        .putAttributes(Attributes.EVENT_ID, id)
        .putAttributes(Attributes.EVENT_TYPE, type)
        .putAttributes(Attributes.ENTITY_KEY, key)
        .putAttributes(Attributes.ENTITY_VERSION, Long.toString(version))
        .build();
  }

  /** Reads that complete when the test says so, with what {@link #stored} holds then. */
  private static final class FakeRows implements DeviceRows {
    final Map<String, DeviceRow> stored = new HashMap<>();
    final List<CompletableFuture<DeviceRow>> pending = new ArrayList<>();
    final List<String> keys = new ArrayList<>();

    @Override
    public synchronized CompletionStage<DeviceRow> read(String deviceId) {
      CompletableFuture<DeviceRow> read = new CompletableFuture<>();
      pending.add(read);
      keys.add(deviceId);
      return read;
    }

    synchronized void completeAll() {
      for (int i = 0; i < pending.size(); i++) {
        pending.get(i).complete(stored.getOrDefault(keys.get(i), DeviceRow.ABSENT));
      }
      pending.clear();
      keys.clear();
    }
  }

  private static final class Reply implements AckReplyConsumer {
    volatile boolean acked;
    volatile boolean nacked;

    @Override
    public void ack() {
      acked = true;
    }

    @Override
    public void nack() {
      nacked = true;
    }
  }
}
