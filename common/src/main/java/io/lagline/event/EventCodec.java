package io.lagline.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Converts events to and from their two wire forms: a Pub/Sub message (attributes + JSON data) and
 * the producer's one-object-per-line JSON command. Both directions validate the whole event and
 * report every violation at once.
 */
public final class EventCodec {
  /** Top-level fields of a JSON command; {@code event_id} and {@code occurred_at} are optional. */
  public static final Set<String> COMMAND_FIELDS =
      Set.of(
          Attributes.EVENT_ID,
          Attributes.EVENT_TYPE,
          Attributes.SCHEMA_VERSION,
          Attributes.ENTITY_KEY,
          Attributes.ENTITY_VERSION,
          Attributes.OCCURRED_AT,
          "payload");

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private EventCodec() {}

  /** The shared, thread-safe JSON mapper. */
  public static ObjectMapper json() {
    return JSON;
  }

  /**
   * Decodes a received message.
   *
   * @throws InvalidEventException with every violation when the message breaks the contract
   */
  public static Event decode(Map<String, String> attributes, byte[] data) {
    List<Violation> violations = new ArrayList<>();
    Event event = decode(attributes, data, violations);
    if (!violations.isEmpty()) {
      throw new InvalidEventException(violations);
    }
    return event;
  }

  /** Every violation of a received message; empty when it is a valid event. */
  public static List<Violation> validate(Map<String, String> attributes, byte[] data) {
    List<Violation> violations = new ArrayList<>();
    decode(attributes, data, violations);
    return violations;
  }

  private static Event decode(Map<String, String> attributes, byte[] data, List<Violation> out) {
    String eventId = EventRules.eventId(attributes.get(Attributes.EVENT_ID), out);
    String eventType = EventRules.eventType(attributes.get(Attributes.EVENT_TYPE), out);
    Integer schemaVersion =
        EventRules.schemaVersion(attributes.get(Attributes.SCHEMA_VERSION), out);
    String entityKey = EventRules.entityKey(attributes.get(Attributes.ENTITY_KEY), out);
    Long entityVersion = EventRules.entityVersion(attributes.get(Attributes.ENTITY_VERSION), out);
    Instant occurredAt = EventRules.occurredAt(attributes.get(Attributes.OCCURRED_AT), out);
    ObjectNode payload = parsePayload(data, out);
    if (!out.isEmpty()) {
      return null;
    }
    return new Event(
        eventId, eventType, schemaVersion, entityKey, entityVersion, occurredAt, payload);
  }

  private static ObjectNode parsePayload(byte[] data, List<Violation> out) {
    if (data == null || data.length == 0) {
      out.add(new Violation("data", "must be a JSON object, was empty"));
      return null;
    }
    if (!EventRules.dataSize(data.length, out)) {
      return null; // not parsed: its size alone breaks the contract
    }
    try {
      JsonNode node = JSON.readTree(data);
      if (node instanceof ObjectNode object) {
        return object;
      }
      out.add(new Violation("data", "must be a JSON object, was " + describe(node)));
    } catch (IOException e) {
      out.add(new Violation("data", "must be valid UTF-8 JSON: " + firstLine(e.getMessage())));
    }
    return null;
  }

  /**
   * The event's data (its payload as compact UTF-8 JSON), checked against the contract's size
   * limit.
   *
   * @throws InvalidEventException naming the limit when the data exceeds {@link
   *     EventRules#MAX_DATA_BYTES}
   */
  public static byte[] data(Event event) {
    byte[] data = event.data();
    List<Violation> out = new ArrayList<>(1);
    if (!EventRules.dataSize(data.length, out)) {
      throw new InvalidEventException(out);
    }
    return data;
  }

  /**
   * Builds an event from a producer command: a JSON object with the envelope fields (snake_case, as
   * the attributes) and a {@code payload} object. A missing {@code event_id} is generated; a
   * missing {@code occurred_at} is the clock's now.
   *
   * @throws InvalidEventException with every violation when the command breaks the contract
   */
  public static Event fromCommand(JsonNode command, Supplier<String> ids, Clock clock) {
    List<Violation> out = new ArrayList<>();
    if (!(command instanceof ObjectNode object)) {
      throw new InvalidEventException(
          List.of(new Violation("$", "must be a JSON object, was " + describe(command))));
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!COMMAND_FIELDS.contains(name)) {
        out.add(
            new Violation(name, "is not a known field; allowed: " + String.join(", ", sorted())));
      }
    }
    String eventId =
        object.hasNonNull(Attributes.EVENT_ID)
            ? EventRules.eventId(text(object, Attributes.EVENT_ID), out)
            : ids.get();
    String eventType = EventRules.eventType(text(object, Attributes.EVENT_TYPE), out);
    Integer schemaVersion = EventRules.schemaVersion(text(object, Attributes.SCHEMA_VERSION), out);
    String entityKey = EventRules.entityKey(text(object, Attributes.ENTITY_KEY), out);
    Long entityVersion = EventRules.entityVersion(text(object, Attributes.ENTITY_VERSION), out);
    Instant occurredAt =
        object.hasNonNull(Attributes.OCCURRED_AT)
            ? EventRules.occurredAt(text(object, Attributes.OCCURRED_AT), out)
            : clock.instant();
    JsonNode payload = object.get("payload");
    if (!(payload instanceof ObjectNode)) {
      out.add(new Violation("payload", "must be a JSON object, was " + describe(payload)));
    }
    if (!out.isEmpty()) {
      throw new InvalidEventException(out);
    }
    return new Event(
        eventId,
        eventType,
        schemaVersion,
        entityKey,
        entityVersion,
        occurredAt,
        (ObjectNode) payload);
  }

  /** {@link #fromCommand(JsonNode, Supplier, Clock)} with random UUIDs and the system clock. */
  public static Event fromCommand(JsonNode command) {
    return fromCommand(command, () -> UUID.randomUUID().toString(), Clock.systemUTC());
  }

  /** The event as a producer command, the inverse of {@link #fromCommand(JsonNode)}. */
  public static ObjectNode toCommand(Event event) {
    ObjectNode node = JSON.createObjectNode();
    event.attributes().forEach(node::put);
    node.put(Attributes.SCHEMA_VERSION, event.schemaVersion());
    node.put(Attributes.ENTITY_VERSION, event.entityVersion());
    node.set("payload", event.payload().deepCopy());
    return node;
  }

  static byte[] toJsonBytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(ObjectNode object, String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static List<String> sorted() {
    return COMMAND_FIELDS.stream().sorted().toList();
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
