package io.lagline.reconciler.audit;

import io.lagline.reconciler.mapping.BoundRow;
import java.util.concurrent.CompletionStage;

/** Reads what Cassandra holds for one mapped row: the auditor's I/O boundary. */
public interface RowReader {
  /**
   * Reads the row {@code row} would write, by its primary key.
   *
   * @return what is stored; fails with the driver's exception when Cassandra gave no answer
   */
  CompletionStage<StoredRow> read(BoundRow row);
}
