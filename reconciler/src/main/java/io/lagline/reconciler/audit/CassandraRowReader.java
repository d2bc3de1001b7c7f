package io.lagline.reconciler.audit;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import io.lagline.error.LaglineException;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.TableSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link RowReader} with one prepared {@code SELECT} per mapped table, read at the serial
 * consistency level the writes use (e.g. {@code LOCAL_SERIAL}), so a conditional write still in
 * flight is completed before it is judged.
 */
public final class CassandraRowReader implements RowReader {
  private final CqlSession session;
  private final Map<String, Select> selects;
  private final ConsistencyLevel consistency;

  private record Select(PreparedStatement statement, List<String> key, boolean versioned) {}

  private CassandraRowReader(
      CqlSession session, Map<String, Select> selects, ConsistencyLevel consistency) {
    this.session = session;
    this.selects = selects;
    this.consistency = consistency;
  }

  /**
   * Prepares a read of every table of {@code mapping}.
   *
   * @throws LaglineException naming the table and the fix when a table is missing
   */
  public static CassandraRowReader prepare(
      CqlSession session, String keyspace, Mapping mapping, ConsistencyLevel consistency) {
    Map<String, Select> selects = new HashMap<>();
    for (TableSchema table : mapping.tables()) {
      List<String> key = table.primaryKey();
      String column = table.versioned() ? mapping.versionColumn() : key.get(0);
      String where = String.join(" AND ", key.stream().map(k -> "\"" + k + "\" = ?").toList());
      String cql =
          "SELECT \"%s\" FROM \"%s\".\"%s\" WHERE %s"
              .formatted(column, keyspace, table.name(), where);
      try {
        selects.put(table.name(), new Select(session.prepare(cql), key, table.versioned()));
      } catch (RuntimeException e) {
        throw new LaglineException(
            "cannot prepare the audit read of "
                + keyspace
                + "."
                + table.name()
                + " ("
                + e.getMessage()
                + "): create the schema with `bin/reconciler schema --config FILE --apply`",
            e);
      }
    }
    return new CassandraRowReader(session, Map.copyOf(selects), consistency);
  }

  @Override
  public CompletionStage<StoredRow> read(BoundRow row) {
    Select select = selects.get(row.table());
    if (select == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("no audit read prepared for table " + row.table()));
    }
    BoundStatementBuilder builder = select.statement().boundStatementBuilder();
    for (int i = 0; i < select.key().size(); i++) {
      Object value = row.value(select.key().get(i));
      DataType type = select.statement().getVariableDefinitions().get(i).getType();
      TypeCodec<Object> codec = session.getContext().getCodecRegistry().codecFor(type, value);
      builder = builder.set(i, value, codec);
    }
    return session
        .executeAsync(builder.setConsistencyLevel(consistency).build())
        .thenApply(
            rs -> {
              Row found = rs.one();
              if (found == null) {
                return StoredRow.ABSENT;
              }
              if (!select.versioned()) {
                return StoredRow.unversioned();
              }
              return found.isNull(0)
                  ? new StoredRow(true, null)
                  : StoredRow.versioned(found.getLong(0));
            });
  }
}
