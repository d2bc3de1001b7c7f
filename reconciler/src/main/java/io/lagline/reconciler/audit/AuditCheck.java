package io.lagline.reconciler.audit;

import io.lagline.reconciler.mapping.WriteMode;

/**
 * Whether a stored row reflects an event: the one pure rule of the auditor. A versioned row
 * (upsert-if-newer, delete-if-newer) reflects the event when it holds the event's version or a
 * newer one (a newer upsert or delete supersedes it: the projection has moved past it); a fact
 * (insert-if-absent) is reflected when its row exists.
 */
public final class AuditCheck {
  private AuditCheck() {}

  /**
   * @param mode how the event writes the row
   * @param eventVersion the event's entity version
   * @param found what Cassandra holds
   */
  public static boolean reflected(WriteMode mode, long eventVersion, StoredRow found) {
    if (!found.present()) {
      return false;
    }
    if (!mode.versioned()) {
      return true;
    }
    return found.version() != null && found.version() >= eventVersion;
  }
}
