package io.lagline.reconciler.audit;

/**
 * The audit of one row an event maps to.
 *
 * @param table the table
 * @param key the row's primary key values, e.g. {@code device_id=watch-9}
 * @param found what Cassandra holds
 * @param reflected whether that reflects the event
 */
public record RowFinding(String table, String key, StoredRow found, boolean reflected) {}
