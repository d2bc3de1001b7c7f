package io.lagline.contract;

import io.lagline.event.InvalidEventException;
import io.lagline.event.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An event whose payload breaks the JSON Schema of its {@code {event_type, schema_version}}, or
 * that has no schema at all; carries every violation, each naming the payload's JSON pointer. An
 * {@link InvalidEventException}, so whoever reports a broken envelope reports this too.
 */
public final class SchemaViolationException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  private final String eventType;
  private final int schemaVersion;

  public SchemaViolationException(String eventType, int schemaVersion, List<Violation> violations) {
    super(describe(eventType, schemaVersion, violations), violations);
    this.eventType = eventType;
    this.schemaVersion = schemaVersion;
  }

  /** The event type whose schema was broken. */
  public String eventType() {
    return eventType;
  }

  /** The schema version the event declared. */
  public int schemaVersion() {
    return schemaVersion;
  }

  private static String describe(String eventType, int version, List<Violation> violations) {
    return eventType
        + " v"
        + version
        + " breaks its contract: "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
