package io.lagline.reconciler.known;

import io.lagline.reconciler.apply.RowResult;
import io.lagline.reconciler.apply.RowWriter;
import io.lagline.reconciler.apply.WriteOutcome;
import io.lagline.reconciler.known.KnownVersions.RowKey;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.WriteMode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link RowWriter} that answers from {@link KnownVersions} what Cassandra has already told it (a
 * redelivered or stale event, a fact row that exists) and passes every other write to the Cassandra
 * writer, learning from each confirmed result. A failed write teaches nothing: its fate is unknown
 * until a later attempt is answered.
 */
public final class KnownVersionsWriter implements RowWriter {
  private final RowWriter cassandra;
  private final KnownVersions known;
  private final VersionCacheMetrics metrics;

  /**
   * @param cassandra the writer that asks Cassandra
   * @param known what has been confirmed so far
   * @param metrics counts lookups and answers
   */
  public KnownVersionsWriter(
      RowWriter cassandra, KnownVersions known, VersionCacheMetrics metrics) {
    this.cassandra = cassandra;
    this.known = known;
    this.metrics = metrics;
    metrics.cache(known);
  }

  @Override
  public void forget(BoundRow row) {
    known.forget(RowKey.of(row));
    cassandra.forget(row);
  }

  @Override
  public CompletionStage<WriteOutcome> write(BoundRow row, long version) {
    return writeAndReport(row, version).thenApply(RowResult::outcome);
  }

  @Override
  public CompletionStage<RowResult> writeAndReport(BoundRow row, long version) {
    if (!known.enabled()) {
      return cassandra.writeAndReport(row, version);
    }
    RowKey key = RowKey.of(row);
    WriteMode mode = row.write().mode();
    Optional<RowResult> answer = known.answer(key, mode, version);
    metrics.lookup(row.table(), answer.map(RowResult::outcome).orElse(null));
    if (answer.isPresent()) {
      return CompletableFuture.completedFuture(answer.get());
    }
    return cassandra
        .writeAndReport(row, version)
        .thenApply(
            result -> {
              known.learn(key, mode, result);
              return result;
            });
  }
}
