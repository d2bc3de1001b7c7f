package io.lagline.reconciler.schema;

import io.lagline.error.LaglineException;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.mapping.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an existing table lacks for the mapping: the {@code ALTER TABLE ... ADD} statements for new
 * columns (a mapping that gains a column, or a table that starts taking deletes). What cannot be
 * altered in place (a different primary key, a column of another type) is refused with a message
 * naming table and column.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  /**
   * The statements that bring the table up to the mapping.
   *
   * @param existingColumns the table's columns as Cassandra describes them, name → CQL type
   * @param existingPrimaryKey the table's partition key then clustering columns, in order
   * @throws LaglineException naming every difference that needs a manual migration
   */
  public static List<String> alterations(
      String keyspace,
      TableSchema wanted,
      Map<String, String> existingColumns,
      List<String> existingPrimaryKey) {
    List<String> conflicts = new ArrayList<>();
    if (!existingPrimaryKey.equals(wanted.primaryKey())) {
      conflicts.add(
          "primary key is " + existingPrimaryKey + " but the mapping needs " + wanted.primaryKey());
    }
    List<String> statements = new ArrayList<>();
    for (TableSchema.Column column : wanted.columns()) {
      String type = existingColumns.get(column.name());
      if (type == null) {
        if (!wanted.primaryKey().contains(column.name())) {
          statements.add(
              "ALTER TABLE "
                  + keyspace
                  + "."
                  + wanted.name()
                  + " ADD "
                  + column.name()
                  + " "
                  + column.type().cql());
        }
      } else if (!sameType(type, column.type().cql())) {
        conflicts.add(
            "column "
                + column.name()
                + " is "
                + type
                + " but the mapping needs "
                + column.type().cql());
      }
    }
    if (!conflicts.isEmpty()) {
      throw new LaglineException(
          "table "
              + keyspace
              + "."
              + wanted.name()
              + " does not fit the mapping and cannot be altered in place: "
              + String.join("; ", conflicts)
              + ". Migrate it by hand, or map to a new table ("
              + ReconcilerKey.MAPPING_FILE.path()
              + ")");
    }
    return List.copyOf(statements);
  }

  private static boolean sameType(String existing, String wanted) {
    String a = existing.toLowerCase(Locale.ROOT);
    String b = wanted.toLowerCase(Locale.ROOT);
    return a.equals(b)
        || (a.equals("text") && b.equals("varchar"))
        || (a.equals("varchar") && b.equals("text"));
  }
}
