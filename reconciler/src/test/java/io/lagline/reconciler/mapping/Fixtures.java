package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;

/** Shared test data: the documented example mapping and events to bind. */
final class Fixtures {
  static final Instant OCCURRED_AT = Instant.parse("2026-11-23T06:30:00Z");

  private Fixtures() {}

  /** The example of docs/MAPPING.md, as a test resource. */
  static Path fitnessFile() {
    try {
      return Path.of(Fixtures.class.getResource("/mapping/fitness.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Mapping fitness() {
    return MappingLoader.load(fitnessFile());
  }

  static Event event(String type, int schemaVersion, String payloadJson) {
    return new Event(
        "ev-1", type, schemaVersion, "device-42", 7L, OCCURRED_AT, payload(payloadJson));
  }

  static ObjectNode payload(String json) {
    try {
      return (ObjectNode) EventCodec.json().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
