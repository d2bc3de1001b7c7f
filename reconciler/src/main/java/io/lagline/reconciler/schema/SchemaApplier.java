package io.lagline.reconciler.schema;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.TableSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings a cluster up to a mapping: runs the {@link SchemaGenerator} DDL (all {@code IF NOT
 * EXISTS}), then the {@link SchemaDiff} alterations for tables that existed without some columns.
 * Idempotent; used by {@code reconciler schema --apply} and the demo.
 */
public final class SchemaApplier {
  private static final Duration DDL_TIMEOUT = Duration.ofMinutes(1);

  private SchemaApplier() {}

  /**
   * Applies the schema of {@code mapping} and of the built-in heartbeat table.
   *
   * @param executed called with each statement after it ran
   * @return how many statements ran
   */
  public static int apply(
      CqlSession session,
      String keyspace,
      Map<String, String> replication,
      Mapping mapping,
      Consumer<String> executed) {
    Mapping withHeartbeat = mapping.withHeartbeat();
    int count = 0;
    for (String statement : SchemaGenerator.ddl(keyspace, replication, withHeartbeat)) {
      execute(session, statement, executed);
      count++;
    }
    for (String alter : alterations(session, keyspace, withHeartbeat)) {
      execute(session, alter, executed);
      count++;
    }
    return count;
  }

  private static void execute(CqlSession session, String statement, Consumer<String> executed) {
    session.execute(SimpleStatement.newInstance(statement).setTimeout(DDL_TIMEOUT));
    executed.accept(statement);
  }

  private static List<String> alterations(CqlSession session, String keyspace, Mapping mapping) {
    List<String> alters = new ArrayList<>();
    KeyspaceMetadata metadata = session.refreshSchema().getKeyspace(keyspace).orElseThrow();
    for (TableSchema table : mapping.tables()) {
      metadata
          .getTable(table.name())
          .ifPresent(
              existing -> {
                Map<String, String> columns = new LinkedHashMap<>();
                existing
                    .getColumns()
                    .forEach(
                        (name, column) ->
                            columns.put(name.asInternal(), column.getType().asCql(false, true)));
                List<String> primaryKey =
                    existing.getPrimaryKey().stream().map(c -> c.getName().asInternal()).toList();
                alters.addAll(SchemaDiff.alterations(keyspace, table, columns, primaryKey));
              });
    }
    return alters;
  }
}
