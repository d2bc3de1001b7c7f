package io.lagline.testkit.cassandra;

/**
 * When the node's commit log is fsynced ({@code commitlog_sync}), which decides what a {@link
 * CassandraNode#kill()} loses: a write counts as durable only once its commit-log section is
 * synced.
 */
public enum CommitLogSync {
  /**
   * Acknowledge at once, sync every window ({@code periodic}): fastest, but a crash loses the
   * writes of the last window even though they were acknowledged. Cassandra's production default,
   * safe there through replication, and the default here: a graceful stop drains it.
   */
  PERIODIC("periodic", "commitlog_sync_period"),
  /**
   * Acknowledge after the sync that covers the write, syncing at most once per window ({@code
   * group}): every acknowledged write survives a crash, but each Paxos round waits for a sync (LWTs
   * near 250/s here). For tests that kill the node.
   */
  GROUP("group", "commitlog_sync_group_window"),
  /** Sync every write before acknowledging it ({@code batch}); the window is not used. */
  BATCH("batch", null);

  private final String yamlValue;
  private final String windowKey;

  CommitLogSync(String yamlValue, String windowKey) {
    this.yamlValue = yamlValue;
    this.windowKey = windowKey;
  }

  String yamlValue() {
    return yamlValue;
  }

  /** The {@code cassandra.yaml} key that takes the window, or null. */
  String windowKey() {
    return windowKey;
  }
}
