package io.lagline.reconciler.apply;

import io.lagline.reconciler.mapping.BoundRow;
import java.util.concurrent.CompletionStage;

/** Writes one mapped row idempotently: the I/O boundary between the reconciler and Cassandra. */
public interface RowWriter {
  /**
   * Writes the row conditionally.
   *
   * @param row the row's values, bound from one event
   * @param version the event's entity version (ignored by insert-if-absent)
   * @return the confirmed outcome; fails with the driver's exception when Cassandra gave no answer
   */
  CompletionStage<WriteOutcome> write(BoundRow row, long version);
}
