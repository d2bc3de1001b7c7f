package io.lagline.reconciler.audit;

/**
 * What the auditor found in Cassandra for one mapped row.
 *
 * @param present whether the row exists
 * @param version its version column, or null when absent or the table is not versioned
 */
public record StoredRow(boolean present, Long version) {
  /** No such row. */
  public static final StoredRow ABSENT = new StoredRow(false, null);

  /** A row of a fact table (insert-if-absent), which has no version. */
  public static StoredRow unversioned() {
    return new StoredRow(true, null);
  }

  /** A versioned row holding {@code version}. */
  public static StoredRow versioned(long version) {
    return new StoredRow(true, version);
  }

  /** How an operator reads it in a log line: {@code absent}, {@code present}, {@code v42}. */
  public String describe() {
    if (!present) {
      return "absent";
    }
    return version == null ? "present (no version)" : "v" + version;
  }
}
