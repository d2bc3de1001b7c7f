package io.lagline.demo.downstream;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Heartbeat;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a downstream consumer does with each message: reads the event's row, counts the read and
 * whether the row is behind the event, then acks. Heartbeats and messages without a usable envelope
 * are acked unread. At most {@link #MAX_READS_IN_FLIGHT} reads run at once; the callback waits for
 * a permit, which holds the subscriber back rather than the reconciler.
 */
final class DownstreamReceiver implements MessageReceiver {
  /** Reads in flight at most, so a consumer never crowds the reconciler out of two cores. */
  static final int MAX_READS_IN_FLIGHT = 64;

  private static final Logger LOG = LoggerFactory.getLogger(DownstreamReceiver.class);

  private final DeviceRows rows;
  private final Semaphore permits = new Semaphore(MAX_READS_IN_FLIGHT);
  private final LongAdder reads = new LongAdder();
  private final LongAdder behind = new LongAdder();
  private final Set<String> awaited = ConcurrentHashMap.newKeySet();

  /**
   * @param awaited event ids this consumer is expected to receive; {@link #missing()} counts those
   *     not read yet
   */
  DownstreamReceiver(DeviceRows rows, Collection<String> awaited) {
    this.rows = rows;
    this.awaited.addAll(awaited);
  }

  @Override
  public void receiveMessage(PubsubMessage message, AckReplyConsumer reply) {
    Map<String, String> attributes = message.getAttributesMap();
    String eventType = attributes.get(Attributes.EVENT_TYPE);
    String eventId = attributes.get(Attributes.EVENT_ID);
    String key = attributes.get(Attributes.ENTITY_KEY);
    long version = version(attributes.get(Attributes.ENTITY_VERSION));
    if (eventType == null || Heartbeat.is(eventType) || key == null || version <= 0) {
      reply.ack();
      return;
    }
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply.nack();
      return;
    }
    try {
      rows.read(key)
          .whenComplete(
              (row, failure) -> {
                permits.release();
                if (failure != null) {
                  LOG.debug("read of {} for event {} failed, nacked: {}", key, eventId, failure);
                  reply.nack();
                  return;
                }
                reads.increment();
                if (row.behind(eventType, version)) {
                  behind.increment();
                }
                if (eventId != null) {
                  awaited.remove(eventId);
                }
                reply.ack();
              });
    } catch (RuntimeException e) {
      permits.release();
      LOG.debug("read of {} for event {} not started, nacked: {}", key, eventId, e.toString());
      reply.nack();
    }
  }

  /** The reads and behind reads so far. */
  DownstreamCounts counts() {
    return new DownstreamCounts(reads.sum(), behind.sum());
  }

  /** Awaited event ids not read yet. */
  int missing() {
    return awaited.size();
  }

  private static long version(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
