package io.lagline.producer.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The reply to a batch whose every event was valid: {@code 202} when Pub/Sub confirmed them all;
 * when none was confirmed, the status of the first failure; else {@code 207}. The body is {@code
 * {results: [{index, status, ...}]}}, each item as the single-event reply.
 */
final class BatchReply {
  private BatchReply() {}

  static Reply of(List<Reply> items) {
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    int accepted = 0;
    Optional<Duration> retryAfter = Optional.empty();
    Reply firstFailure = null;
    for (int i = 0; i < items.size(); i++) {
      Reply item = items.get(i);
      ObjectNode result = results.addObject().put("index", i).put("status", item.status());
      item.body().properties().forEach(f -> result.set(f.getKey(), f.getValue()));
      if (item.status() == 202) {
        accepted++;
      } else {
        firstFailure = firstFailure == null ? item : firstFailure;
        retryAfter = retryAfter.isPresent() ? retryAfter : item.retryAfter();
      }
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("accepted", accepted);
    body.put("failed", items.size() - accepted);
    body.set("results", results);
    int status = accepted == items.size() ? 202 : accepted == 0 ? firstFailure.status() : 207;
    return new Reply(status, body, retryAfter);
  }
}
