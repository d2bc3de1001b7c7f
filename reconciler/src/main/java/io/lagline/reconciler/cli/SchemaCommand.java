package io.lagline.reconciler.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.mapping.TableSchema;
import io.lagline.reconciler.schema.SchemaDiff;
import io.lagline.reconciler.schema.SchemaGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reconciler schema}: prints, or applies, the CQL the mapping needs. Idempotent. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description =
        "Print the CQL DDL the mapping needs (keyspace, tables, version columns); --apply runs it.")
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      description = "YAML config file (LAGLINE_* environment variables override it).")
  Path config;

  @Option(
      names = "--apply",
      description = "Execute the statements against cassandra.contact-points.")
  boolean apply;

  private static void execute(CqlSession session, String statement) {
    session.execute(SimpleStatement.newInstance(statement).setTimeout(Duration.ofMinutes(1)));
  }

  /** ALTER statements for tables that exist but lack columns the mapping now needs. */
  private static List<String> alterations(CqlSession session, String keyspace, Mapping mapping) {
    List<String> alters = new java.util.ArrayList<>();
    KeyspaceMetadata metadata = session.refreshSchema().getKeyspace(keyspace).orElseThrow();
    for (TableSchema table : mapping.tables()) {
      metadata
          .getTable(table.name())
          .ifPresent(
              existing -> {
                java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
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

  @Override
  public Integer call() {
    ReconcilerConfig loaded = ConfigLoader.load(config, System.getenv());
    Mapping mapping = MappingLoader.load(loaded.mappingFile());
    List<String> statements =
        SchemaGenerator.ddl(loaded.cassandra().keyspace(), loaded.schema().replication(), mapping);
    statements.forEach(s -> spec.commandLine().getOut().println(s + ";\n"));
    if (apply) {
      int applied = 0;
      try (CqlSession session = CassandraSessions.open(loaded.cassandra(), null, false)) {
        for (String statement : statements) {
          execute(session, statement);
          applied++;
        }
        for (String alter : alterations(session, loaded.cassandra().keyspace(), mapping)) {
          spec.commandLine().getOut().println(alter + ";\n");
          execute(session, alter);
          applied++;
        }
      }
      spec.commandLine().getErr().println("applied " + applied + " statements");
    }
    return 0;
  }
}
