package io.lagline.producer.contract;

/**
 * One way a change of the contracts breaks a {@link Rule}.
 *
 * @param eventType the event type whose contract it is
 * @param version the schema version the problem is in
 * @param pointer the JSON pointer into that version's schema, empty for the whole schema
 * @param message what changed, e.g. {@code type changed from integer to string}
 * @param rule the rule it breaks
 */
public record Problem(String eventType, int version, String pointer, String message, Rule rule) {
  /** {@code DeviceSynced v2 /properties/steps: type changed from integer to string (rule: ...)}. */
  public String line() {
    return eventType
        + " v"
        + version
        + (pointer.isEmpty() ? "" : " " + pointer)
        + ": "
        + message
        + " (rule: "
        + rule.id()
        + ")";
  }
}
