package io.lagline.reconciler.apply;

/**
 * A row write's confirmed outcome and the entity version the row holds once it is confirmed: the
 * event's own for applied and duplicate, the newer stored one for stale.
 */
public record RowResult(WriteOutcome outcome, long heldVersion) {}
