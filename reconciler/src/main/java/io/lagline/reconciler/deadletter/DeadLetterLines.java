package io.lagline.reconciler.deadletter;

import io.lagline.event.Attributes;
import java.util.Map;
import java.util.stream.Collectors;

/** How the {@code dlq} commands print dead letters: one line each, then a summary. */
public final class DeadLetterLines {
  /** Details are cut to this many characters in a listing. */
  public static final int MAX_DETAIL_CHARS = 160;

  private static final String NONE = "-";

  private DeadLetterLines() {}

  /**
   * One line per message, e.g. {@code message_id=7 published=2026-11-23T06:00:00Z
   * reason=missing_field first_seen=... event_type=DeviceSynced entity_key=dev-1 event_id=e-1
   * detail="payload.steps is missing"}.
   */
  public static String line(DeadLetter letter) {
    return "message_id="
        + letter.messageId()
        + " published="
        + letter.publishTime()
        + " reason="
        + letter.reason()
        + " first_seen="
        + orNone(letter.attribute(DeadLetterAttributes.FIRST_SEEN))
        + " event_type="
        + orNone(letter.attribute(Attributes.EVENT_TYPE))
        + " entity_key="
        + orNone(letter.attribute(Attributes.ENTITY_KEY))
        + " event_id="
        + orNone(letter.attribute(Attributes.EVENT_ID))
        + " detail=\""
        + cut(detail(letter))
        + "\"";
  }

  /**
   * The detail to show: {@code dlq_detail}, or for a message Pub/Sub forwarded by itself how many
   * deliveries it took.
   */
  static String detail(DeadLetter letter) {
    String detail = letter.attribute(DeadLetterAttributes.DETAIL);
    if (detail != null) {
      return detail;
    }
    String count = letter.attribute(DeadLetterAttributes.PUBSUB_DELIVERY_COUNT);
    return count == null
        ? ""
        : "forwarded by the subscription's dead-letter policy after " + count + " deliveries";
  }

  /** {@code text} on one line, at most {@link #MAX_DETAIL_CHARS} characters, quotes escaped. */
  static String cut(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip().replace("\"", "'");
    return oneLine.length() <= MAX_DETAIL_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_DETAIL_CHARS - 1) + "…";
  }

  /**
   * The closing line of {@code dlq list}, e.g. {@code listed 2 of 3 read; by reason:
   * max_delivery_attempts=1 missing_field=2}. Stopped at the limit, it says the counts cover only
   * the messages read.
   */
  public static String listSummary(DeadLetterCollector.Collected collected, int limit) {
    String summary =
        "listed "
            + collected.chosen().size()
            + " of "
            + collected.read()
            + " read; by reason: "
            + byReason(collected.readByReason());
    return collected.limitReached()
        ? summary
            + " (stopped at --limit "
            + limit
            + ": more may be waiting; the counts cover only the messages read)"
        : summary;
  }

  /** {@code a=1 b=2}, or {@code none}. */
  static String byReason(Map<String, Integer> counts) {
    return counts.isEmpty()
        ? "none"
        : counts.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }

  /** The closing line of a dry run, e.g. {@code would replay=2 skipped=1}. */
  public static String dryRunSummary(DeadLetterCollector.Collected collected) {
    return "would replay="
        + collected.chosen().size()
        + " skipped="
        + collected.skippedAckIds().size()
        + " (dry run: nothing published or acked)";
  }

  /** The line for one replayed message, e.g. {@code replayed message_id=7 as 42 reason=...}. */
  public static String replayed(ReplayReport.Replayed replayed) {
    DeadLetter letter = replayed.letter();
    return "replayed message_id="
        + letter.messageId()
        + " as "
        + replayed.newMessageId()
        + " reason="
        + letter.reason()
        + " event_id="
        + orNone(letter.attribute(Attributes.EVENT_ID));
  }

  /** The line for one message not replayed. */
  public static String failed(ReplayReport.Failure failure) {
    DeadLetter letter = failure.letter();
    return "failed message_id="
        + letter.messageId()
        + " event_id="
        + orNone(letter.attribute(Attributes.EVENT_ID))
        + ": "
        + failure.cause();
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? NONE : value;
  }
}
