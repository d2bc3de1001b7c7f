package io.lagline.reconciler.schema;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.mapping.CqlIdentifiers;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CQL DDL a mapping needs: the keyspace, then one table per mapped table with its version and
 * deleted columns. Every statement is {@code IF NOT EXISTS}, so applying it again is harmless;
 * existing tables are never altered.
 */
public final class SchemaGenerator {
  /** The config key of the keyspace, named in problems. */
  public static final String KEYSPACE_KEY = ReconcilerKey.CASSANDRA_KEYSPACE.path();

  /** The config key of the replication map, named in problems. */
  public static final String REPLICATION_KEY = ReconcilerKey.SCHEMA_REPLICATION.path();

  private static final String SOURCE = "configuration";

  private SchemaGenerator() {}

  /**
   * The statements, without trailing semicolons, in order: the keyspace, then the tables in the
   * mapping's order ({@link Mapping#tables()}).
   *
   * @param replication the keyspace's replication options, e.g. {@code
   *     class=NetworkTopologyStrategy, dc1=3}
   * @throws ConfigException naming every problem of the keyspace name and the replication
   */
  public static List<String> ddl(
      String keyspace, Map<String, String> replication, Mapping mapping) {
    List<ConfigProblem> problems = new ArrayList<>();
    String keyspaceProblem = CqlIdentifiers.problem(keyspace);
    if (keyspaceProblem != null) {
      problems.add(new ConfigProblem(KEYSPACE_KEY, keyspace, keyspaceProblem, SOURCE));
    }
    Replication.problems(replication)
        .forEach(
            p -> problems.add(new ConfigProblem(REPLICATION_KEY, p.value(), p.rule(), SOURCE)));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    List<String> statements = new ArrayList<>();
    statements.add(createKeyspace(keyspace, replication));
    mapping.tables().forEach(table -> statements.add(createTable(keyspace, table)));
    return List.copyOf(statements);
  }

  /** {@code CREATE KEYSPACE IF NOT EXISTS ...}; the class first, then the other options by name. */
  static String createKeyspace(String keyspace, Map<String, String> replication) {
    String options =
        Replication.ordered(replication).stream()
            .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
            .collect(Collectors.joining(", "));
    return "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = {" + options + "}";
  }

  /** {@code CREATE TABLE IF NOT EXISTS ks.table (col type, ..., PRIMARY KEY ((pk...), ck...))}. */
  static String createTable(String keyspace, TableSchema table) {
    String columns =
        table.columns().stream()
            .map(c -> c.name() + " " + c.type().cql())
            .collect(Collectors.joining(", "));
    String partitionKey =
        table.partitionKey().stream()
            .map(TableSchema.Column::name)
            .collect(Collectors.joining(", "));
    StringBuilder primaryKey = new StringBuilder("((").append(partitionKey).append(')');
    table.clusteringKey().forEach(c -> primaryKey.append(", ").append(c.name()));
    primaryKey.append(')');
    return "CREATE TABLE IF NOT EXISTS "
        + keyspace
        + "."
        + table.name()
        + " ("
        + columns
        + ", PRIMARY KEY "
        + primaryKey
        + ")";
  }

  /** A CQL string literal. */
  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
