package io.lagline.consumer;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Reconciled;
import io.lagline.event.Violation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The notification contract's rules, applied attribute by attribute; each rule records a {@link
 * Violation} instead of throwing, so one message's problems are reported together.
 */
final class NotificationParser {
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private final Map<String, String> attributes;
  private final List<Violation> violations = new ArrayList<>();

  private NotificationParser(Map<String, String> attributes) {
    this.attributes = attributes;
  }

  static Notification parse(PubsubMessage message) {
    NotificationParser parser = new NotificationParser(message.getAttributesMap());
    String eventId = parser.required(Attributes.EVENT_ID);
    String eventType = parser.required(Attributes.EVENT_TYPE);
    String entityKey = parser.required(Attributes.ENTITY_KEY);
    Long entityVersion = parser.version(Attributes.ENTITY_VERSION);
    Outcome outcome = parser.outcome();
    Long reconciledVersion = parser.version(Reconciled.VERSION);
    List<String> tables = parser.tables();
    Map<String, String> rowOutcomes = parser.rowOutcomes();
    Instant reconciledAt = parser.time(Reconciled.AT);
    String originalMessageId = parser.required(Reconciled.ORIGINAL_MESSAGE_ID);
    Instant originalPublishTime = parser.time(Reconciled.ORIGINAL_PUBLISH_TIME);
    PayloadState payloadState = parser.payloadState(message.getData().size());
    parser.consistent(entityVersion, reconciledVersion, tables, rowOutcomes);
    if (!parser.violations.isEmpty()) {
      throw new InvalidNotificationException(message.getMessageId(), parser.violations);
    }
    return new Notification(
        eventId,
        eventType,
        entityKey,
        entityVersion,
        outcome,
        reconciledVersion,
        tables,
        rowOutcomes,
        reconciledAt,
        originalMessageId,
        originalPublishTime,
        payloadState,
        message.getData(),
        message.getAttributesMap());
  }

  private String required(String name) {
    String raw = attributes.get(name);
    if (raw == null || raw.isBlank()) {
      violations.add(new Violation(name, "is required"));
      return null;
    }
    return raw;
  }

  private Long version(String name) {
    String raw = required(name);
    if (raw == null) {
      return null;
    }
    try {
      long value = DIGITS.matcher(raw).matches() ? Long.parseLong(raw) : 0;
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // too large for 64 bits: reported below
    }
    violations.add(
        new Violation(name, "must be a positive 64-bit integer in digits only, was '" + raw + "'"));
    return null;
  }

  private Outcome outcome() {
    String raw = required(Reconciled.OUTCOME);
    if (raw == null) {
      return null;
    }
    return Outcome.fromWireName(raw)
        .orElseGet(
            () -> {
              violations.add(
                  new Violation(
                      Reconciled.OUTCOME,
                      "must be one of " + Reconciled.OUTCOMES + ", was '" + raw + "'"));
              return null;
            });
  }

  private List<String> tables() {
    String raw = required(Reconciled.TABLES);
    if (raw == null) {
      return null;
    }
    List<String> tables = List.of(raw.split(",", -1));
    if (tables.stream().anyMatch(String::isBlank)) {
      violations.add(
          new Violation(
              Reconciled.TABLES,
              "must be comma-separated table names without empty entries, was '" + raw + "'"));
      return null;
    }
    return tables;
  }

  private Map<String, String> rowOutcomes() {
    String raw = required(Reconciled.ROW_OUTCOMES);
    if (raw == null) {
      return null;
    }
    Map<String, String> rowOutcomes = new LinkedHashMap<>();
    for (String pair : raw.split(",", -1)) {
      int eq = pair.indexOf('=');
      String table = eq > 0 ? pair.substring(0, eq) : "";
      String outcome = eq > 0 ? pair.substring(eq + 1) : "";
      if (table.isBlank()
          || Outcome.fromWireName(outcome).isEmpty()
          || rowOutcomes.put(table, outcome) != null) {
        violations.add(
            new Violation(
                Reconciled.ROW_OUTCOMES,
                "must be comma-separated table=outcome pairs, one per table, each outcome one of "
                    + Reconciled.OUTCOMES
                    + ", was '"
                    + raw
                    + "'"));
        return null;
      }
    }
    return rowOutcomes;
  }

  private Instant time(String name) {
    String raw = required(name);
    if (raw == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(
          new Violation(
              name, "must be an RFC 3339 time such as 2026-12-05T12:00:00Z, was '" + raw + "'"));
      return null;
    }
  }

  private PayloadState payloadState(int dataBytes) {
    String raw = required(Reconciled.PAYLOAD);
    if (raw == null) {
      return null;
    }
    PayloadState state = PayloadState.fromWireName(raw).orElse(null);
    if (state == null) {
      violations.add(
          new Violation(
              Reconciled.PAYLOAD,
              "must be one of "
                  + List.of(
                      Reconciled.PAYLOAD_INCLUDED,
                      Reconciled.PAYLOAD_OMITTED,
                      Reconciled.PAYLOAD_TOO_LARGE)
                  + ", was '"
                  + raw
                  + "'"));
    } else if (state == PayloadState.INCLUDED && dataBytes == 0) {
      violations.add(new Violation("data", "must be the event's payload when payload is included"));
    } else if (state != PayloadState.INCLUDED && dataBytes > 0) {
      violations.add(
          new Violation(
              "data", "must be empty when payload is " + raw + ", was " + dataBytes + " bytes"));
    }
    return state;
  }

  /** The rules between attributes, checked only when each attribute is valid on its own. */
  private void consistent(
      Long entityVersion,
      Long reconciledVersion,
      List<String> tables,
      Map<String, String> rowOutcomes) {
    if (entityVersion != null && reconciledVersion != null && reconciledVersion < entityVersion) {
      violations.add(
          new Violation(
              Reconciled.VERSION,
              "must be at least entity_version " + entityVersion + ", was " + reconciledVersion));
    }
    if (tables != null
        && rowOutcomes != null
        && !tables.equals(List.copyOf(rowOutcomes.keySet()))) {
      violations.add(
          new Violation(
              Reconciled.ROW_OUTCOMES,
              "must name the tables of "
                  + Reconciled.TABLES
                  + " in the same order "
                  + tables
                  + ", was "
                  + List.copyOf(rowOutcomes.keySet())));
    }
  }
}
