package io.lagline.reconciler.deadletter;

import java.util.List;

/**
 * What {@code dlq replay} did.
 *
 * @param replayed messages republished to the main topic and acked on the dead-letter subscription
 * @param skipped messages read but not chosen (another reason, or over the limit); released
 * @param failures messages whose replay failed; released unless noted, so they stay parked
 */
public record ReplayReport(List<Replayed> replayed, int skipped, List<Failure> failures) {
  public ReplayReport {
    replayed = List.copyOf(replayed);
    failures = List.copyOf(failures);
  }

  /**
   * One message republished.
   *
   * @param letter the dead letter
   * @param newMessageId its message id on the main topic
   */
  public record Replayed(DeadLetter letter, String newMessageId) {}

  /**
   * One message not replayed.
   *
   * @param letter the dead letter
   * @param cause what went wrong, in words
   */
  public record Failure(DeadLetter letter, String cause) {}

  /** The closing line, e.g. {@code replayed=3 skipped=2 failed=0}. */
  public String summary() {
    return "replayed=" + replayed.size() + " skipped=" + skipped + " failed=" + failures.size();
  }
}
