package io.lagline.consumer;

import io.lagline.error.LaglineException;
import io.lagline.event.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A message on the reconciled stream that breaks the notification contract (docs/CONTRACT.md, "The
 * reconciled stream"); carries every violation found, not only the first, and the message id.
 */
public final class InvalidNotificationException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final String messageId;
  private final transient List<Violation> violations;

  public InvalidNotificationException(String messageId, List<Violation> violations) {
    super(describe(messageId, violations));
    this.messageId = messageId;
    this.violations = List.copyOf(violations);
  }

  /** The Pub/Sub message id of the notification (empty for a message never published). */
  public String messageId() {
    return messageId;
  }

  /** Every broken rule, in attribute order. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(String messageId, List<Violation> violations) {
    return "invalid notification"
        + (messageId == null || messageId.isEmpty() ? "" : " (message " + messageId + ")")
        + ": "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
