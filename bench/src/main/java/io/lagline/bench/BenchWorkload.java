package io.lagline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * The bench's events: {@value BenchMapping#EVENT_TYPE} upserts of one versioned table, keys drawn
 * uniformly or Zipf-distributed, versions 1, 2, 3... per entity in publish order (Pub/Sub still
 * delivers them out of order), and an optional padding field to make payloads bigger.
 *
 * @param events in publish order
 * @param newest the newest event of each entity key: what Cassandra must hold at the end
 */
record BenchWorkload(List<Event> events, Map<String, Event> newest) {
  private static final Instant START = Instant.parse("2026-11-23T06:00:00Z");

  /** {@code count} events over {@code entities} keys drawn uniformly. */
  static BenchWorkload uniform(String prefix, int count, int entities, int padBytes, long seed) {
    Random random = new Random(seed);
    return generate(prefix, count, entities, padBytes, () -> random.nextInt(entities), seed);
  }

  /** {@code count} events over {@code entities} keys drawn from Zipf({@code s}). */
  static BenchWorkload zipf(String prefix, int count, int entities, double s, long seed) {
    Zipf zipf = new Zipf(entities, s, seed);
    return generate(prefix, count, entities, 0, zipf::next, seed);
  }

  /** The first {@code count} events (versions still count up per entity within them). */
  BenchWorkload first(int count) {
    if (count >= events.size()) {
      return this;
    }
    List<Event> prefix = events.subList(0, count);
    Map<String, Event> newestOfPrefix = new HashMap<>();
    prefix.forEach(e -> newestOfPrefix.put(e.entityKey(), e));
    return new BenchWorkload(List.copyOf(prefix), newestOfPrefix);
  }

  /** Distinct entity keys the events touch. */
  int entities() {
    return newest.size();
  }

  private static BenchWorkload generate(
      String prefix, int count, int entities, int padBytes, IntSupplier keys, long seed) {
    Random values = new Random(seed ^ 0x5DEECE66DL);
    long[] versions = new long[entities];
    List<Event> events = new ArrayList<>(count);
    Map<String, Event> newest = new HashMap<>();
    String pad = padBytes > 0 ? "x".repeat(padBytes) : null;
    for (int i = 0; i < count; i++) {
      int entity = keys.getAsInt();
      long version = ++versions[entity];
      Event event = event(prefix, i, prefix + "-" + entity, version, values.nextLong(), pad);
      events.add(event);
      newest.put(event.entityKey(), event);
    }
    return new BenchWorkload(events, newest);
  }

  /** One event; {@code pad} null for none. */
  static Event event(String prefix, long index, String key, long version, long value, String pad) {
    ObjectNode payload = EventCodec.json().createObjectNode();
    payload.put("value", value);
    if (pad != null) {
      payload.put("pad", pad);
    }
    return new Event(
        prefix + "-e" + index,
        BenchMapping.EVENT_TYPE,
        1,
        key,
        version,
        START.plusMillis(index),
        payload);
  }
}
