package io.lagline.bench.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import java.time.Instant;

/**
 * The ingest row's events: {@code DeviceSynced} v1 of the bundled contracts (so both paths check
 * the payload against its schema), the same for the library and for HTTP: event {@code i} of a
 * phase has id {@code <phase>-<i>} and is version {@code i / KEYS + 1} of key {@code device-<i %
 * KEYS>}.
 */
final class IngestEvents {
  static final String EVENT_TYPE = "DeviceSynced";
  static final int KEYS = 1000;

  private IngestEvents() {}

  static Event event(String phase, int i) {
    ObjectNode payload = EventCodec.json().createObjectNode();
    payload.put("steps", i);
    payload.put("heart_rate", 60 + i % 100);
    return new Event(phase + "-" + i, EVENT_TYPE, 1, key(i), version(i), Instant.now(), payload);
  }

  /** The producer command of {@link #event}, as {@code POST /v1/events} takes it. */
  static String command(String phase, int i) {
    return "{\"event_id\":\""
        + phase
        + "-"
        + i
        + "\",\"event_type\":\""
        + EVENT_TYPE
        + "\",\"schema_version\":1,\"entity_key\":\""
        + key(i)
        + "\",\"entity_version\":"
        + version(i)
        + ",\"payload\":{\"steps\":"
        + i
        + ",\"heart_rate\":"
        + (60 + i % 100)
        + "}}";
  }

  private static String key(int i) {
    return "device-" + (i % KEYS);
  }

  private static long version(int i) {
    return i / KEYS + 1;
  }
}
