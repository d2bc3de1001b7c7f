package io.lagline.consumer;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Reconciled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hand-built notifications, as the contract describes them, for tests. */
final class TestNotifications {
  static final String PAYLOAD = "{\"steps\":4200,\"heart_rate\":71}";

  private TestNotifications() {}

  /** The attributes of an applied {@code DeviceSynced} event at {@code version}. */
  static Map<String, String> attributes(String eventId, String entityKey, long version) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(Attributes.EVENT_ID, eventId);
    attributes.put(Attributes.EVENT_TYPE, "DeviceSynced");
    attributes.put(Attributes.SCHEMA_VERSION, "1");
    attributes.put(Attributes.ENTITY_KEY, entityKey);
    attributes.put(Attributes.ENTITY_VERSION, Long.toString(version));
    attributes.put(Attributes.OCCURRED_AT, "2026-12-05T11:59:58Z");
    attributes.put("tenant", "acme");
    attributes.put(Reconciled.OUTCOME, "applied");
    attributes.put(Reconciled.VERSION, Long.toString(version));
    attributes.put(Reconciled.TABLES, "device_state,sync_history");
    attributes.put(Reconciled.ROW_OUTCOMES, "device_state=applied,sync_history=applied");
    attributes.put(Reconciled.AT, "2026-12-05T12:00:01.250Z");
    attributes.put(Reconciled.ORIGINAL_MESSAGE_ID, "4711");
    attributes.put(Reconciled.ORIGINAL_PUBLISH_TIME, "2026-12-05T12:00:00.125Z");
    attributes.put(Reconciled.PAYLOAD, Reconciled.PAYLOAD_INCLUDED);
    return attributes;
  }

  /** An applied notification with its payload. */
  static PubsubMessage message(String eventId, String entityKey, long version) {
    return message(attributes(eventId, entityKey, version), PAYLOAD);
  }

  static PubsubMessage message(Map<String, String> attributes, String data) {
    return PubsubMessage.newBuilder()
        .putAllAttributes(attributes)
        .setData(ByteString.copyFrom(data, StandardCharsets.UTF_8))
        .setMessageId("m-" + attributes.get(Attributes.EVENT_ID))
        .build();
  }

  /** The parsed notification of {@link #message(String, String, long)}. */
  static Notification notification(String eventId, String entityKey, long version) {
    return Notification.parse(message(eventId, entityKey, version));
  }

  /** A stale notification: the event at {@code version}, the database at {@code reconciled}. */
  static Notification stale(String eventId, String entityKey, long version, long reconciled) {
    Map<String, String> attributes = attributes(eventId, entityKey, version);
    attributes.put(Reconciled.OUTCOME, "stale");
    attributes.put(Reconciled.VERSION, Long.toString(reconciled));
    attributes.put(Reconciled.ROW_OUTCOMES, "device_state=stale,sync_history=applied");
    return Notification.parse(message(attributes, PAYLOAD));
  }
}
