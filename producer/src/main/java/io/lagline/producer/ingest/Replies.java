package io.lagline.producer.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.Violation;
import io.lagline.producer.publish.PublishReceipt;
import java.util.List;

/** The JSON bodies of the ingest service's replies. */
final class Replies {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Replies() {}

  /** {@code 202}: {@code {event_id, message_id, entity_key, entity_version}}. */
  static ObjectNode accepted(Event event, PublishReceipt receipt) {
    ObjectNode body = JSON.objectNode();
    body.put("event_id", receipt.eventId());
    body.put("message_id", receipt.messageId());
    body.put("entity_key", event.entityKey());
    body.put("entity_version", event.entityVersion());
    return body;
  }

  /** {@code {error, violations: [{field, pointer, rule}]}}. */
  static ObjectNode invalid(String pointerPrefix, List<Violation> violations) {
    ObjectNode body =
        error("invalid_event", "the event breaks its contract; nothing was published");
    body.set("violations", violations(pointerPrefix, violations));
    return body;
  }

  static ArrayNode violations(String pointerPrefix, List<Violation> violations) {
    ArrayNode list = JSON.arrayNode();
    for (Violation v : violations) {
      list.addObject()
          .put("field", v.field())
          .put("pointer", pointerPrefix + pointer(v.field()))
          .put("rule", v.rule());
    }
    return list;
  }

  /**
   * The JSON pointer of a violation's field in the request: a schema violation names a pointer into
   * the payload ({@code /steps}), an envelope one a top-level field ({@code entity_version}).
   */
  static String pointer(String field) {
    if (field.equals("$")) {
      return "";
    }
    if (field.startsWith("/")) {
      return "/payload" + field;
    }
    if (field.equals("data")) {
      return "/payload";
    }
    return "/" + field.replace("~", "~0").replace("/", "~1");
  }

  /** {@code {error, message}}. */
  static ObjectNode error(String error, String message) {
    ObjectNode body = JSON.objectNode();
    body.put("error", error);
    body.put("message", message);
    return body;
  }

  /** A publish that failed: {@code {error, message, event_id}}, the id to retry with. */
  static ObjectNode failed(FailureStatus status, String eventId) {
    ObjectNode body =
        error(
            status.error(),
            status.retryAfter().isPresent()
                ? "not published; retry later with the same event_id"
                : "not published");
    body.put("event_id", eventId);
    return body;
  }
}
