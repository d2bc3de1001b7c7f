package io.lagline.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The reserved heartbeat event (docs/CONTRACT.md): each producer instance publishes one at a fixed
 * interval on the same topic as its events, keyed by its producer id and versioned by emission
 * time, and the reconciler applies it with a built-in mapping. The newest heartbeat the reconciler
 * has made durable tells how far behind the stream it is even when no other event flows.
 */
public final class Heartbeat {
  /** The {@code event_type} of every heartbeat; no user mapping may claim it. */
  public static final String EVENT_TYPE = "lagline.heartbeat";

  /** The payload schema version of heartbeats. */
  public static final int SCHEMA_VERSION = 1;

  /** Payload field: the producer's heartbeat interval in milliseconds. */
  public static final String INTERVAL_MS = "interval_ms";

  private Heartbeat() {}

  /**
   * One heartbeat event.
   *
   * @param producerId the producer instance; the event's entity key
   * @param version strictly increasing per producer (e.g. the emission time in epoch millis)
   * @param emittedAt when the heartbeat was emitted; its {@code occurred_at}
   * @param interval how often the producer emits heartbeats, carried in the payload
   * @throws InvalidEventException when the producer id or version breaks the contract
   */
  public static Event of(String producerId, long version, Instant emittedAt, Duration interval) {
    Objects.requireNonNull(emittedAt, "emittedAt");
    Objects.requireNonNull(interval, "interval");
    List<Violation> violations = new ArrayList<>();
    EventRules.entityKey(producerId, violations);
    if (version <= 0) {
      violations.add(
          new Violation(
              Attributes.ENTITY_VERSION, "must be a positive 64-bit integer, was " + version));
    }
    if (!violations.isEmpty()) {
      throw new InvalidEventException(violations);
    }
    ObjectNode payload = EventCodec.json().createObjectNode().put(INTERVAL_MS, interval.toMillis());
    return new Event(
        UUID.randomUUID().toString(),
        EVENT_TYPE,
        SCHEMA_VERSION,
        producerId,
        version,
        emittedAt,
        payload);
  }

  /** True when {@code eventType} is the heartbeat's. */
  public static boolean is(String eventType) {
    return EVENT_TYPE.equals(eventType);
  }
}
