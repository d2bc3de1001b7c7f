package io.lagline.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of the stream: the six envelope attributes plus a JSON object payload. Instances are
 * only made through {@link EventCodec} or {@link EventRules}-checked factories, so an {@code Event}
 * is always valid.
 *
 * @param eventId unique id of the event
 * @param eventType kind of event, selects the reconciler's mapping
 * @param schemaVersion positive version of the payload schema
 * @param entityKey the entity the event is about
 * @param entityVersion positive version, strictly increasing per entity key
 * @param occurredAt when the fact happened
 * @param payload the JSON object carried as the message data (a private copy; never mutate it)
 */
public record Event(
    String eventId,
    String eventType,
    int schemaVersion,
    String entityKey,
    long entityVersion,
    Instant occurredAt,
    ObjectNode payload) {

  public Event {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(entityKey, "entityKey");
    Objects.requireNonNull(occurredAt, "occurredAt");
    payload = Objects.requireNonNull(payload, "payload").deepCopy();
  }

  /** The envelope as Pub/Sub attributes, in contract order. */
  public Map<String, String> attributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(Attributes.EVENT_ID, eventId);
    attributes.put(Attributes.EVENT_TYPE, eventType);
    attributes.put(Attributes.SCHEMA_VERSION, Integer.toString(schemaVersion));
    attributes.put(Attributes.ENTITY_KEY, entityKey);
    attributes.put(Attributes.ENTITY_VERSION, Long.toString(entityVersion));
    attributes.put(Attributes.OCCURRED_AT, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
    return attributes;
  }

  /** The payload serialized as compact UTF-8 JSON, the Pub/Sub message data. */
  public byte[] data() {
    return EventCodec.toJsonBytes(payload);
  }
}
