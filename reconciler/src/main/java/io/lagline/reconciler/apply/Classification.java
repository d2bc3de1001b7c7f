package io.lagline.reconciler.apply;

/**
 * What {@link ErrorClassifier} decided about one failure.
 *
 * @param errorClass how it is handled: retried, resolved or dead-lettered
 * @param reason a stable, low-cardinality code (a metric tag and, for permanent failures, the
 *     {@code dlq_reason} of the dead-lettered message), e.g. {@code cassandra_unreachable}, {@code
 *     missing_field}
 */
public record Classification(ErrorClass errorClass, String reason) {
  /** True when the event itself can never be applied (poison). */
  public boolean permanent() {
    return errorClass == ErrorClass.PERMANENT;
  }

  /** True when the failure says something about the infrastructure, not about the event. */
  public boolean infrastructure() {
    return errorClass != ErrorClass.PERMANENT;
  }
}
