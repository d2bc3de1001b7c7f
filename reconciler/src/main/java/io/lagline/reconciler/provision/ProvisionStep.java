package io.lagline.reconciler.provision;

/**
 * What {@code provision} did to one resource.
 *
 * @param kind {@code topic} or {@code subscription}
 * @param name the resource's full name
 * @param status created, exists or updated
 * @param detail what was updated, or empty
 */
public record ProvisionStep(String kind, String name, Status status, String detail) {
  /** The outcome for one resource. */
  public enum Status {
    CREATED,
    EXISTS,
    UPDATED
  }

  /** The line printed for it, e.g. {@code subscription projects/p/subscriptions/s: created}. */
  public String line() {
    String outcome = status.name().toLowerCase(java.util.Locale.ROOT);
    return kind + " " + name + ": " + (detail.isEmpty() ? outcome : outcome + " (" + detail + ")");
  }
}
