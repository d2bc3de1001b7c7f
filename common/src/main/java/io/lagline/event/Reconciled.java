package io.lagline.event;

import java.util.List;

/**
 * The reconciled stream's wire format (docs/CONTRACT.md, "The reconciled stream"): a notification
 * the reconciler publishes to {@code pubsub.reconciled.topic} once every write of an event is
 * confirmed by Cassandra. It carries the original message's attributes (the envelope included), its
 * data unless the payload is left out, and these attributes on top.
 */
public final class Reconciled {
  /**
   * What the event's primary write did: {@code applied}, {@code duplicate}, {@code stale}, {@code
   * superseded}.
   */
  public static final String OUTCOME = "reconciled_outcome";

  /**
   * The entity version Cassandra's primary row holds once the event is settled: the event's own for
   * applied and duplicate, a newer one for stale and superseded. Decimal digits.
   */
  public static final String VERSION = "reconciled_version";

  /**
   * The tables the event wrote, in mapping order, comma-separated: {@code
   * device_state,sync_history}.
   */
  public static final String TABLES = "reconciled_tables";

  /** Each table's outcome, comma-separated {@code table=outcome} pairs in mapping order. */
  public static final String ROW_OUTCOMES = "reconciled_row_outcomes";

  /** When Cassandra confirmed the event's last write (RFC 3339, UTC): durable from then on. */
  public static final String AT = "reconciled_at";

  /** The Pub/Sub message id of the original event message. */
  public static final String ORIGINAL_MESSAGE_ID = "reconciled_original_message_id";

  /** The Pub/Sub publish time of the original event message (RFC 3339, UTC). */
  public static final String ORIGINAL_PUBLISH_TIME = "reconciled_original_publish_time";

  /**
   * {@code true} on the notification of an event settled by {@code reconciler rebuild} (when {@code
   * pubsub.reconciled.notify-replays} is on): the event was notified when first settled, and this
   * is the replay of it; absent on every other notification.
   */
  public static final String REPLAY = "reconciled_replay";

  /**
   * Whether {@code data} is the original payload: {@value #PAYLOAD_INCLUDED}, {@value
   * #PAYLOAD_OMITTED} (by configuration) or {@value #PAYLOAD_TOO_LARGE} (the notification would not
   * fit in one Pub/Sub message with it).
   */
  public static final String PAYLOAD = "reconciled_payload";

  public static final String PAYLOAD_INCLUDED = "included";
  public static final String PAYLOAD_OMITTED = "omitted";
  public static final String PAYLOAD_TOO_LARGE = "too_large";

  /** The outcomes a notification can report, in the order the contract lists them. */
  public static final List<String> OUTCOMES =
      List.of("applied", "duplicate", "stale", "superseded");

  /**
   * Every attribute the reconciler adds; an original attribute of the same name is replaced. {@link
   * #REPLAY} only on a rebuild's notifications.
   */
  public static final List<String> ADDED =
      List.of(
          OUTCOME,
          VERSION,
          TABLES,
          ROW_OUTCOMES,
          AT,
          ORIGINAL_MESSAGE_ID,
          ORIGINAL_PUBLISH_TIME,
          PAYLOAD,
          REPLAY);

  private Reconciled() {}
}
