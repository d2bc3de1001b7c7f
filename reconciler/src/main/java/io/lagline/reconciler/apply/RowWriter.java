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

  /**
   * Writes the row conditionally and tells which version it holds afterwards. Writers that learn
   * the stored version from Cassandra's answer override this; the default assumes the event's own.
   */
  default CompletionStage<RowResult> writeAndReport(BoundRow row, long version) {
    return write(row, version).thenApply(outcome -> new RowResult(outcome, version));
  }

  /**
   * Forgets what this writer remembers about the row, so its next write asks Cassandra: for an
   * event republished because the row changed outside Lagline (an audit repair). Writers that
   * remember nothing ignore it.
   */
  default void forget(BoundRow row) {}
}
