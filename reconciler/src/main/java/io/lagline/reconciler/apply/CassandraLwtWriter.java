package io.lagline.reconciler.apply;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import io.lagline.error.LaglineException;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.EventMapping;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.TableSchema;
import io.lagline.reconciler.mapping.TableWrite;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes mapped rows with lightweight transactions. For versioned modes it tries the conditional
 * update of an existing row ({@code UPDATE ... IF version < ?}) or the creation of a new one
 * ({@code INSERT ... IF NOT EXISTS}), starting with the one an {@link ExistenceHint} expects to
 * apply; when the first answer shows the guess was wrong, the other follows, and when another
 * writer changed the row in between, the round is tried again. A not-applied answer carries the
 * stored version, which decides duplicate (equal) or stale (newer).
 */
public final class CassandraLwtWriter implements RowWriter {
  /** Rounds of update-then-insert before a race on a new row is reported as a transient failure. */
  static final int MAX_ROUNDS = 4;

  /**
   * How long one {@link #write} may take at most when every statement uses the driver's whole
   * request timeout: {@link #MAX_ROUNDS} rounds of update and insert, plus slack.
   */
  public static Duration attemptTimeout(Duration requestTimeout) {
    return requestTimeout.multipliedBy(2L * MAX_ROUNDS).plusSeconds(5);
  }

  private final CqlSession session;
  private final String versionColumn;
  private final WriteMetrics metrics;
  private final Map<TableWrite, Prepared> prepared;
  private final ExistenceHint hint = new ExistenceHint(ExistenceHint.DEFAULT_CAPACITY);

  private CassandraLwtWriter(
      CqlSession session,
      String versionColumn,
      WriteMetrics metrics,
      Map<TableWrite, Prepared> prepared) {
    this.session = session;
    this.versionColumn = versionColumn;
    this.metrics = metrics;
    this.prepared = prepared;
  }

  /**
   * Prepares every statement the mapping needs, so a missing table fails at start-up, not per
   * event.
   *
   * @throws LaglineException naming the table and the fix when a statement cannot be prepared
   */
  public static CassandraLwtWriter prepare(
      CqlSession session,
      String keyspace,
      Mapping mapping,
      ConsistencyLevel consistency,
      ConsistencyLevel serialConsistency,
      WriteMetrics metrics) {
    Map<String, TableSchema> tables = new HashMap<>();
    mapping.tables().forEach(t -> tables.put(t.name(), t));
    Map<TableWrite, Prepared> prepared = new HashMap<>();
    for (String type : mapping.eventTypes()) {
      EventMapping events = mapping.forType(type).orElseThrow();
      for (TableWrite write : events.writes()) {
        LwtStatements cql =
            LwtStatements.of(
                keyspace,
                write,
                tables.get(write.table()),
                mapping.versionColumn(),
                mapping.deletedColumn());
        prepared.put(
            write,
            new Prepared(
                cql.versioned() ? prepare(session, cql.update(), keyspace, write) : null,
                cql.updateBinds(),
                prepare(session, cql.insert(), keyspace, write),
                cql.insertBinds(),
                consistency,
                serialConsistency));
      }
    }
    return new CassandraLwtWriter(session, mapping.versionColumn(), metrics, Map.copyOf(prepared));
  }

  private static PreparedStatement prepare(
      CqlSession session, String cql, String keyspace, TableWrite write) {
    try {
      return session.prepare(cql);
    } catch (RuntimeException e) {
      throw new LaglineException(
          "cannot prepare the write to "
              + keyspace
              + "."
              + write.table()
              + " ("
              + e.getMessage()
              + "): create the schema with `bin/reconciler schema --config FILE --apply`, or fix the mapping"
              + " ("
              + ReconcilerKey.MAPPING_FILE.path()
              + ") or the keyspace ("
              + ReconcilerKey.CASSANDRA_KEYSPACE.path()
              + ")",
          e);
    }
  }

  @Override
  public CompletionStage<WriteOutcome> write(BoundRow row, long version) {
    return writeAndReport(row, version).thenApply(RowResult::outcome);
  }

  @Override
  public CompletionStage<RowResult> writeAndReport(BoundRow row, long version) {
    Prepared statements = prepared.get(row.write());
    if (statements == null) {
      return CompletableFuture.failedFuture(
          new LaglineException("no prepared statement for a write to " + row.write().table()));
    }
    if (statements.update() == null) {
      return execute(
              row, "insert", statements.insert(), statements.insertBinds(), version, statements)
          .thenApply(
              rs ->
                  new RowResult(
                      rs.wasApplied() ? WriteOutcome.APPLIED : WriteOutcome.DUPLICATE, version));
    }
    return hint.likelyNew(row)
        ? insertFirst(row, version, statements, 1)
        : versioned(row, version, statements, 1);
  }

  /** Creates the row; if it exists, its stored version decides, and a newer event updates it. */
  private CompletionStage<RowResult> insertFirst(
      BoundRow row, long version, Prepared statements, int round) {
    return execute(
            row, "insert", statements.insert(), statements.insertBinds(), version, statements)
        .thenCompose(
            inserted -> {
              hint.learned(row, inserted.wasApplied());
              if (inserted.wasApplied()) {
                return CompletableFuture.completedFuture(
                    new RowResult(WriteOutcome.APPLIED, version));
              }
              Long stored = storedVersion(inserted.one());
              if (stored == null) {
                return CompletableFuture.failedFuture(
                    new UnversionedRowException(row.write().table(), versionColumn));
              }
              if (stored >= version) {
                return CompletableFuture.completedFuture(compare(stored, version));
              }
              return versioned(row, version, statements, round);
            });
  }

  private CompletionStage<RowResult> versioned(
      BoundRow row, long version, Prepared statements, int round) {
    return execute(
            row, "update", statements.update(), statements.updateBinds(), version, statements)
        .thenCompose(
            updated -> {
              if (updated.wasApplied()) {
                hint.learned(row, false);
                return CompletableFuture.completedFuture(
                    new RowResult(WriteOutcome.APPLIED, version));
              }
              Long stored = storedVersion(updated.one());
              if (stored != null && stored >= version) {
                hint.learned(row, false);
                return CompletableFuture.completedFuture(compare(stored, version));
              }
              if (stored != null) {
                // a concurrent writer moved the row between Paxos rounds; try again
                return retryRound(row, version, statements, round, stored);
              }
              return execute(
                      row,
                      "insert",
                      statements.insert(),
                      statements.insertBinds(),
                      version,
                      statements)
                  .thenCompose(
                      inserted -> {
                        hint.learned(row, inserted.wasApplied());
                        if (inserted.wasApplied()) {
                          return CompletableFuture.completedFuture(
                              new RowResult(WriteOutcome.APPLIED, version));
                        }
                        Long now = storedVersion(inserted.one());
                        if (now == null) {
                          // the update saw no version and the insert saw a row: it has none
                          return CompletableFuture.failedFuture(
                              new UnversionedRowException(row.write().table(), versionColumn));
                        }
                        if (now >= version) {
                          return CompletableFuture.completedFuture(compare(now, version));
                        }
                        return retryRound(row, version, statements, round, now);
                      });
            });
  }

  private CompletionStage<RowResult> retryRound(
      BoundRow row, long version, Prepared statements, int round, Long seen) {
    if (round >= MAX_ROUNDS) {
      return CompletableFuture.failedFuture(
          new LaglineException(
              "row of "
                  + row.write().table()
                  + " kept changing under the write (last seen version "
                  + seen
                  + "); the write will be retried"));
    }
    return versioned(row, version, statements, round + 1);
  }

  /** Outcome of a not-applied write that found {@code stored >= version}. */
  private static RowResult compare(long stored, long version) {
    return new RowResult(stored == version ? WriteOutcome.DUPLICATE : WriteOutcome.STALE, stored);
  }

  private Long storedVersion(Row row) {
    if (row == null
        || !row.getColumnDefinitions().contains(versionColumn)
        || row.isNull(versionColumn)) {
      return null;
    }
    return row.getLong(versionColumn);
  }

  private CompletionStage<AsyncResultSet> execute(
      BoundRow row,
      String kind,
      PreparedStatement statement,
      List<String> binds,
      long version,
      Prepared settings) {
    BoundStatementBuilder builder = statement.boundStatementBuilder();
    boolean insert = kind.equals("insert");
    for (int i = 0; i < binds.size(); i++) {
      String name = binds.get(i);
      Object value =
          name.equals(LwtStatements.VERSION) ? Long.valueOf(version) : row.values().get(name);
      if (value == null && insert) {
        continue; // unset: an insert of a new row needs no tombstone for an absent optional value
      }
      if (value == null) {
        builder = builder.setToNull(i);
      } else {
        DataType type = statement.getVariableDefinitions().get(i).getType();
        TypeCodec<Object> codec = session.getContext().getCodecRegistry().codecFor(type, value);
        builder = builder.set(i, value, codec);
      }
    }
    builder =
        builder
            .setConsistencyLevel(settings.consistency())
            .setSerialConsistencyLevel(settings.serialConsistency());
    long start = System.nanoTime();
    String table = row.write().table();
    return session
        .executeAsync(builder.build())
        .whenComplete(
            (rs, error) ->
                metrics.write(
                    table,
                    kind,
                    error != null ? "error" : rs.wasApplied() ? "applied" : "not_applied",
                    System.nanoTime() - start));
  }

  private record Prepared(
      PreparedStatement update,
      List<String> updateBinds,
      PreparedStatement insert,
      List<String> insertBinds,
      ConsistencyLevel consistency,
      ConsistencyLevel serialConsistency) {}
}
