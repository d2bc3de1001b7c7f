package io.lagline.producer.publish;

import java.util.HashSet;
import java.util.Set;

/**
 * Bounds the values of the {@code event_type} tag: the first {@code max} distinct types, then
 * "other".
 */
final class EventTypeTags {
  private final int max;
  private final Set<String> seen = new HashSet<>();

  EventTypeTags(int max) {
    this.max = max;
  }

  synchronized String tagFor(String eventType) {
    if (seen.contains(eventType)) {
      return eventType;
    }
    if (seen.size() < max) {
      seen.add(eventType);
      return eventType;
    }
    return PublishMetrics.OTHER_EVENT_TYPE;
  }
}
