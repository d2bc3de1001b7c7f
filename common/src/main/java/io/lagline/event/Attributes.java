package io.lagline.event;

import java.util.List;

/**
 * Names of the Pub/Sub message attributes that make up the event envelope (see docs/CONTRACT.md).
 * Every Lagline event carries all six; other attributes are allowed and passed through untouched.
 */
public final class Attributes {
  /** Unique id of the event; the producer generates a UUID unless the caller gives one. */
  public static final String EVENT_ID = "event_id";

  /** The kind of event, e.g. {@code DeviceSynced}; selects the mapping in the reconciler. */
  public static final String EVENT_TYPE = "event_type";

  /** Positive integer version of the payload's schema for this event type. */
  public static final String SCHEMA_VERSION = "schema_version";

  /** The entity the event is about; also the ordering key when ordering is on. */
  public static final String ENTITY_KEY = "entity_key";

  /** Positive 64-bit version, strictly increasing per entity key as the producer knows it. */
  public static final String ENTITY_VERSION = "entity_version";

  /** When the fact happened, RFC 3339 with an offset (e.g. {@code 2026-11-23T06:30:00Z}). */
  public static final String OCCURRED_AT = "occurred_at";

  /** The six envelope attributes, in contract order. */
  public static final List<String> ENVELOPE =
      List.of(EVENT_ID, EVENT_TYPE, SCHEMA_VERSION, ENTITY_KEY, ENTITY_VERSION, OCCURRED_AT);

  private Attributes() {}
}
