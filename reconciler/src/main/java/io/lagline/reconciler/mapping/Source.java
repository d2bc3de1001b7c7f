package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Where a column's value comes from: the {@code from} of a column mapping, parsed. Envelope and
 * other Pub/Sub attributes read as JSON strings (attributes are text on the wire); payload fields
 * keep their JSON type.
 */
sealed interface Source {
  /** Prefix of a payload field source, e.g. {@code payload.battery.level}. */
  String PAYLOAD = "payload";

  /** Prefix of a non-envelope Pub/Sub attribute source, e.g. {@code attribute.region}. */
  String ATTRIBUTE = "attribute";

  /**
   * The value for one event, or null when it is absent.
   *
   * @throws MappingException when the payload has a non-object where the path needs an object
   */
  JsonNode read(Event event, Map<String, String> attributes);

  /** One of the six envelope attributes, read from the (already validated) event. */
  record Envelope(String name) implements Source {
    @Override
    public JsonNode read(Event event, Map<String, String> attributes) {
      return TextNode.valueOf(
          switch (name) {
            case Attributes.EVENT_ID -> event.eventId();
            case Attributes.EVENT_TYPE -> event.eventType();
            case Attributes.SCHEMA_VERSION -> Integer.toString(event.schemaVersion());
            case Attributes.ENTITY_KEY -> event.entityKey();
            case Attributes.ENTITY_VERSION -> Long.toString(event.entityVersion());
            case Attributes.OCCURRED_AT -> DateTimeFormatter.ISO_INSTANT.format(event.occurredAt());
            default -> throw new IllegalStateException("not an envelope attribute: " + name);
          });
    }
  }

  /** A field of the payload by dotted path; the empty path is the whole payload object. */
  record Payload(List<String> path) implements Source {
    @Override
    public JsonNode read(Event event, Map<String, String> attributes) {
      JsonNode node = event.payload();
      for (int i = 0; i < path.size(); i++) {
        if (!node.isObject()) {
          String parent = String.join(".", path.subList(0, i));
          throw new MappingException(
              MappingException.INVALID_VALUE,
              PAYLOAD + "." + String.join(".", path),
              "expected an object at "
                  + PAYLOAD
                  + "."
                  + parent
                  + " holding '"
                  + path.get(i)
                  + "', was "
                  + ValueConverter.describe(node));
        }
        node = node.get(path.get(i));
        if (node == null || node.isNull()) {
          return null;
        }
      }
      return node;
    }
  }

  /** Any other Pub/Sub attribute of the message, by name. */
  record Attribute(String name) implements Source {
    @Override
    public JsonNode read(Event event, Map<String, String> attributes) {
      String value = attributes == null ? null : attributes.get(name);
      return value == null ? null : TextNode.valueOf(value);
    }
  }

  /**
   * Parses a {@code from}.
   *
   * @throws IllegalArgumentException with {@link #problem(String)} when it is not a valid source
   */
  static Source parse(String from) {
    String problem = problem(from);
    if (problem != null) {
      throw new IllegalArgumentException("from '" + from + "' " + problem);
    }
    if (Attributes.ENVELOPE.contains(from)) {
      return new Envelope(from);
    }
    if (from.equals(PAYLOAD)) {
      return new Payload(List.of());
    }
    if (from.startsWith(PAYLOAD + ".")) {
      return new Payload(List.of(from.substring(PAYLOAD.length() + 1).split("\\.", -1)));
    }
    return new Attribute(from.substring(ATTRIBUTE.length() + 1));
  }

  /** What is wrong with a {@code from}, or null when it is a valid source. */
  static String problem(String from) {
    String rule =
        "must be an envelope attribute ("
            + String.join(", ", Attributes.ENVELOPE)
            + "), payload, payload.<dotted.path> or attribute.<name>";
    if (from == null || from.isEmpty()) {
      return rule;
    }
    if (Attributes.ENVELOPE.contains(from) || from.equals(PAYLOAD)) {
      return null;
    }
    if (from.startsWith(PAYLOAD + ".")) {
      String path = from.substring(PAYLOAD.length() + 1);
      boolean emptySegment = List.of(path.split("\\.", -1)).stream().anyMatch(String::isEmpty);
      return emptySegment ? "has an empty payload path segment; " + rule : null;
    }
    if (from.startsWith(ATTRIBUTE + ".")) {
      return from.length() == ATTRIBUTE.length() + 1
          ? "has an empty attribute name; " + rule
          : null;
    }
    return rule;
  }
}
