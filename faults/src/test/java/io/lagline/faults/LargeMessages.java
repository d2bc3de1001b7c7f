package io.lagline.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.event.EventRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Large messages mixed into a workload (scenario j): good {@code DeviceSynced} events whose payload
 * carries an extra {@value #FIELD} field, which the mapping ignores, so the message data is several
 * MiB, and one message over the contract's limit ({@link EventRules#MAX_DATA_BYTES}), published raw
 * as the producer would refuse it, which must be dead-lettered as {@code invalid_payload}. Each
 * goes to a device of its own past the workload's devices, once, at a fixed share of the publish
 * order.
 */
final class LargeMessages {
  /** The payload field that makes a message large; not in the mapping. */
  static final String FIELD = "attachment";

  private static final long MIB = 1024 * 1024;

  /** Data sizes of the good large events, in bytes, and where in the publish order they go. */
  static final List<Long> GOOD_SIZES = List.of(5 * MIB, 13 * MIB / 2, 17 * MIB / 2);

  private static final List<Double> GOOD_AT = List.of(0.2, 0.45, 0.7);

  /** Data size of the message over the limit, and where it goes. */
  static final long OVERSIZE = 19 * MIB / 2;

  private static final double OVERSIZE_AT = 0.55;
  private static final String OVERSIZE_REASON = "invalid_payload";
  private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

  private LargeMessages() {}

  /** {@code base} with the large messages added to its events, poison and publish order. */
  static FaultWorkload mixInto(FaultWorkload base) {
    if (OVERSIZE <= EventRules.MAX_DATA_BYTES) {
      throw new IllegalStateException("the oversize message must exceed the payload limit");
    }
    int firstDevice = FaultWorkload.DEVICES;
    List<Event> distinct = new ArrayList<>(base.distinct());
    List<OutboundMessage> order = new ArrayList<>(base.publishOrder());
    int size = order.size();
    for (int i = GOOD_SIZES.size() - 1; i >= 0; i--) {
      Event event = event("large-" + i, firstDevice + i, 1, GOOD_SIZES.get(i));
      distinct.add(event);
      order.add(position(GOOD_AT.get(i), size), OutboundMessage.of(event));
    }
    // version 2 of the first large event's device: were it applied, the read-back would show it
    Event over = event("oversize-0", firstDevice, 2, OVERSIZE);
    OutboundMessage oversize =
        new OutboundMessage(
            over.eventId(), over.attributes(), OutboundMessage.of(over).data(), OVERSIZE_REASON);
    order.add(position(OVERSIZE_AT, order.size()), oversize);
    List<OutboundMessage> poison = new ArrayList<>(base.poison());
    poison.add(oversize);
    return new FaultWorkload(List.copyOf(distinct), List.copyOf(poison), List.copyOf(order));
  }

  /** The table's faults column. */
  static String describe() {
    return GOOD_SIZES.size()
        + " events of "
        + String.join(", ", GOOD_SIZES.stream().map(LargeMessages::mib).toList())
        + " MiB, 1 of "
        + mib(OVERSIZE)
        + " MiB (over the limit) dead-lettered";
  }

  /**
   * A sync of {@code device} with every field the read-back compares, whose data is exactly {@code
   * bytes} long.
   */
  static Event event(String name, int device, long version, long bytes) {
    ObjectNode payload = EventCodec.json().createObjectNode();
    payload.put("steps", 1_000 + device);
    payload.put("heart_rate", 60);
    payload.putObject("battery").put("level", 50.0);
    payload.put(FIELD, "");
    String id = name + "-" + new UUID(device, version);
    String key = FaultWorkload.deviceKey(device);
    long unpadded = new Event(id, "DeviceSynced", 1, key, version, AT, payload).data().length;
    payload.put(FIELD, "x".repeat(Math.toIntExact(bytes - unpadded)));
    return new Event(id, "DeviceSynced", 1, key, version, AT, payload);
  }

  private static int position(double share, int size) {
    return (int) Math.round(share * size);
  }

  private static String mib(long bytes) {
    double mib = (double) bytes / MIB;
    return mib == Math.rint(mib) ? Long.toString((long) mib) : Double.toString(mib);
  }
}
