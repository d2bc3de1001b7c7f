package io.lagline.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The field rules of the event contract, one method per envelope attribute. Each parses the raw
 * text and either returns the value or records a {@link Violation} naming the field and the rule;
 * nothing throws, so callers collect every violation of an event at once.
 */
public final class EventRules {
  /** Longest event id accepted, in characters. */
  public static final int MAX_EVENT_ID_LENGTH = 128;

  /** Longest entity key accepted, in UTF-8 bytes (Pub/Sub's ordering-key limit is 1 KiB). */
  public static final int MAX_ENTITY_KEY_BYTES = 1024;

  /**
   * Largest payload accepted, in bytes (9 MiB): Pub/Sub's 10 MB message limit ({@link
   * PubSubLimits#MAX_MESSAGE_BYTES}) less room for attributes.
   */
  public static final int MAX_DATA_BYTES = 9 * 1024 * 1024;

  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");

  /**
   * RFC 3339 date-time: seconds required, fraction optional, {@code T}/{@code Z} in either case.
   */
  private static final Pattern RFC_3339 =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

  /** Decimal digits only: no sign, spaces or anything else {@link Long#parseLong} would take. */
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private static final Pattern NO_SPACE_OR_CONTROL = Pattern.compile("[^\\s\\p{Cntrl}]+");

  private EventRules() {}

  static String eventId(String raw, List<Violation> out) {
    if (isBlank(raw)) {
      out.add(new Violation(Attributes.EVENT_ID, "is required"));
      return null;
    }
    if (raw.length() > MAX_EVENT_ID_LENGTH || !NO_SPACE_OR_CONTROL.matcher(raw).matches()) {
      out.add(
          new Violation(
              Attributes.EVENT_ID,
              "must be 1 to "
                  + MAX_EVENT_ID_LENGTH
                  + " characters without spaces or control characters"));
      return null;
    }
    return raw;
  }

  static String eventType(String raw, List<Violation> out) {
    if (isBlank(raw)) {
      out.add(new Violation(Attributes.EVENT_TYPE, "is required"));
      return null;
    }
    if (!EVENT_TYPE.matcher(raw).matches()) {
      out.add(
          new Violation(
              Attributes.EVENT_TYPE,
              "must start with a letter and hold only letters, digits, '_', '.' or '-' (at most 128), was '"
                  + raw
                  + "'"));
      return null;
    }
    return raw;
  }

  static Integer schemaVersion(String raw, List<Violation> out) {
    if (isBlank(raw)) {
      out.add(new Violation(Attributes.SCHEMA_VERSION, "is required"));
      return null;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    out.add(
        new Violation(Attributes.SCHEMA_VERSION, "must be a positive integer, was '" + raw + "'"));
    return null;
  }

  static String entityKey(String raw, List<Violation> out) {
    if (raw == null || raw.isEmpty()) {
      out.add(new Violation(Attributes.ENTITY_KEY, "is required"));
      return null;
    }
    if (raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ENTITY_KEY_BYTES
        || raw.chars().anyMatch(Character::isISOControl)
        || raw.isBlank()) {
      out.add(
          new Violation(
              Attributes.ENTITY_KEY,
              "must be non-blank, at most "
                  + MAX_ENTITY_KEY_BYTES
                  + " UTF-8 bytes, without control characters"));
      return null;
    }
    return raw;
  }

  static Long entityVersion(String raw, List<Violation> out) {
    return positiveVersion(Attributes.ENTITY_VERSION, raw, out);
  }

  /**
   * An entity version attribute ({@code entity_version}, or one that carries the same kind of
   * value): a positive 64-bit integer in decimal digits only. Adds a violation naming {@code field}
   * to {@code out} and returns null when it is missing or not one.
   */
  public static Long positiveVersion(String field, String raw, List<Violation> out) {
    if (isBlank(raw)) {
      out.add(new Violation(field, "is required"));
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
    out.add(
        new Violation(
            field, "must be a positive 64-bit integer in digits only, was '" + raw + "'"));
    return null;
  }

  /**
   * The payload's size rule, checked before it is parsed: at most {@link #MAX_DATA_BYTES}.
   *
   * @return whether {@code bytes} is within the limit
   */
  static boolean dataSize(long bytes, List<Violation> out) {
    if (bytes <= MAX_DATA_BYTES) {
      return true;
    }
    out.add(
        new Violation(
            "data",
            "is too large: "
                + bytes
                + " bytes, "
                + (bytes - MAX_DATA_BYTES)
                + " bytes over the 9 MiB limit ("
                + MAX_DATA_BYTES
                + " bytes)"));
    return false;
  }

  static Instant occurredAt(String raw, List<Violation> out) {
    if (isBlank(raw)) {
      out.add(new Violation(Attributes.OCCURRED_AT, "is required"));
      return null;
    }
    try {
      if (!RFC_3339.matcher(raw).matches()) {
        throw new DateTimeParseException("not RFC 3339", raw, 0);
      }
      String upper = raw.toUpperCase(java.util.Locale.ROOT);
      return OffsetDateTime.parse(upper, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      out.add(
          new Violation(
              Attributes.OCCURRED_AT,
              "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-23T06:30:00Z, was '"
                  + raw
                  + "'"));
      return null;
    }
  }

  private static boolean isBlank(String raw) {
    return raw == null || raw.isBlank();
  }
}
