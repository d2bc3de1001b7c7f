package io.lagline.contract;

/**
 * The identity of one payload schema: an event type and one of its schema versions, stored as
 * {@code contracts/<eventType>/<schemaVersion>.json}.
 *
 * @param eventType the event's {@code event_type}
 * @param schemaVersion the event's {@code schema_version}
 */
public record ContractKey(String eventType, int schemaVersion) {
  @Override
  public String toString() {
    return eventType + " v" + schemaVersion;
  }
}
