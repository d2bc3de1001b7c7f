package io.lagline.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ways a message can be poison, each with the {@code dlq_reason} the reconciler must park it
 * with. Every kind starts from a valid {@code DeviceSynced} event of a real device at a version
 * above any the device reaches, so a poison message that were applied would show in the read-back.
 */
enum PoisonKind {
  /** The {@code entity_version} attribute is missing. */
  VERSION_MISSING("missing_attribute"),
  /** {@code entity_version} is not a number. */
  VERSION_NOT_A_NUMBER("invalid_attribute"),
  /** The data is not JSON. */
  DATA_NOT_JSON("invalid_payload"),
  /** No mapping knows the event type. */
  UNKNOWN_TYPE("unknown_event_type"),
  /** A schema version the mapping does not accept. */
  SCHEMA_VERSION_9("unsupported_schema_version"),
  /** The payload lacks a required field. */
  STEPS_MISSING("missing_field"),
  /** A field that is not a number. */
  STEPS_NOT_A_NUMBER("invalid_value"),
  /** A number out of the column's int range. */
  STEPS_OUT_OF_RANGE("invalid_value");

  private final String reason;

  PoisonKind(String reason) {
    this.reason = reason;
  }

  /** The {@code dlq_reason} expected. */
  String reason() {
    return reason;
  }

  /**
   * The poison message made from {@code base}, a valid event that is never published itself; the
   * message keeps its event id.
   */
  OutboundMessage from(Event base) {
    Map<String, String> attributes = new LinkedHashMap<>(base.attributes());
    ObjectNode payload = base.payload().deepCopy();
    ByteString data = null;
    switch (this) {
      case VERSION_MISSING -> attributes.remove(Attributes.ENTITY_VERSION);
      case VERSION_NOT_A_NUMBER -> attributes.put(Attributes.ENTITY_VERSION, "abc");
      case DATA_NOT_JSON -> data = ByteString.copyFrom("{not json", StandardCharsets.UTF_8);
      case UNKNOWN_TYPE -> attributes.put(Attributes.EVENT_TYPE, "DeviceExploded");
      case SCHEMA_VERSION_9 -> attributes.put(Attributes.SCHEMA_VERSION, "9");
      case STEPS_MISSING -> payload.remove("steps");
      case STEPS_NOT_A_NUMBER -> payload.put("steps", "many");
      case STEPS_OUT_OF_RANGE -> payload.put("steps", 99_999_999_999L);
    }
    if (data == null) {
      data = ByteString.copyFromUtf8(payload.toString()); // JsonNode.toString() is JSON
    }
    return new OutboundMessage(base.eventId(), attributes, data, reason);
  }
}
