package io.lagline.reconciler.apply;

import io.lagline.error.LaglineException;

/**
 * A row of a versioned table exists but has no version (written outside Lagline, or migrated
 * without one): no conditional write can order an event against it. Permanent for the events of
 * that row until someone sets its version or deletes it.
 */
public final class UnversionedRowException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final String table;

  /**
   * @param table the table holding the row
   * @param versionColumn the column that is null
   */
  public UnversionedRowException(String table, String versionColumn) {
    super(
        "a row of "
            + table
            + " exists with "
            + versionColumn
            + " = null, so no event can be ordered against it: set its "
            + versionColumn
            + " or delete the row");
    this.table = table;
  }

  /** The table holding the row. */
  public String table() {
    return table;
  }
}
