package io.lagline.reconciler.apply;

import io.lagline.reconciler.mapping.ColumnMapping;
import io.lagline.reconciler.mapping.TableSchema;
import io.lagline.reconciler.mapping.TableWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CQL of one mapped write, with the order its markers are bound in. Versioned modes have two
 * statements: a conditional {@code UPDATE ... IF version < ?} for a row that exists and an {@code
 * INSERT ... IF NOT EXISTS} for one that does not; {@code insert-if-absent} has the insert only.
 * Cassandra forbids {@code USING TIMESTAMP} on conditional writes, so the version lives in a
 * column.
 *
 * @param update the conditional update, or null for insert-if-absent
 * @param updateBinds what each marker of the update takes: a column name or {@link #VERSION}
 * @param insert the insert-if-not-exists
 * @param insertBinds what each marker of the insert takes
 */
record LwtStatements(
    String update, List<String> updateBinds, String insert, List<String> insertBinds) {
  /** Bind-plan entry standing for the event's entity version. */
  static final String VERSION = "@version";

  static LwtStatements of(
      String keyspace,
      TableWrite write,
      TableSchema table,
      String versionColumn,
      String deletedColumn) {
    String name = keyspace + "." + write.table();
    List<String> keys = write.keyColumns().stream().map(ColumnMapping::column).toList();
    String where = keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
    return switch (write.mode()) {
      case INSERT_IF_ABSENT -> {
        List<String> columns = write.columns().stream().map(ColumnMapping::column).toList();
        yield new LwtStatements(
            null, List.of(), insert(name, columns, List.of(), List.of()), columns);
      }
      case UPSERT_IF_NEWER -> {
        List<String> values = write.valueColumns().stream().map(ColumnMapping::column).toList();
        List<String> sets = new ArrayList<>();
        values.forEach(c -> sets.add(c + " = ?"));
        sets.add(versionColumn + " = ?");
        if (table.deletable()) {
          sets.add(deletedColumn + " = false");
        }
        List<String> updateBinds = new ArrayList<>(values);
        updateBinds.add(VERSION);
        updateBinds.addAll(keys);
        updateBinds.add(VERSION);
        String update = conditionalUpdate(name, sets, where, versionColumn);
        List<String> insertColumns = new ArrayList<>(keys);
        insertColumns.addAll(values);
        List<String> extraColumns = new ArrayList<>(List.of(versionColumn));
        List<String> extraValues = new ArrayList<>(List.of("?"));
        if (table.deletable()) {
          extraColumns.add(deletedColumn);
          extraValues.add("false");
        }
        List<String> insertBinds = new ArrayList<>(insertColumns);
        insertBinds.add(VERSION);
        yield new LwtStatements(
            update,
            List.copyOf(updateBinds),
            insert(name, insertColumns, extraColumns, extraValues),
            List.copyOf(insertBinds));
      }
      case DELETE_IF_NEWER -> {
        List<String> sets = new ArrayList<>();
        sets.add(deletedColumn + " = true");
        sets.add(versionColumn + " = ?");
        table.regular().stream()
            .map(TableSchema.Column::name)
            .filter(c -> !c.equals(versionColumn) && !c.equals(deletedColumn))
            .forEach(c -> sets.add(c + " = null"));
        List<String> updateBinds = new ArrayList<>();
        updateBinds.add(VERSION);
        updateBinds.addAll(keys);
        updateBinds.add(VERSION);
        String update = conditionalUpdate(name, sets, where, versionColumn);
        List<String> insertBinds = new ArrayList<>(keys);
        insertBinds.add(VERSION);
        yield new LwtStatements(
            update,
            List.copyOf(updateBinds),
            insert(name, keys, List.of(versionColumn, deletedColumn), List.of("?", "true")),
            List.copyOf(insertBinds));
      }
    };
  }

  boolean versioned() {
    return update != null;
  }

  /** {@code UPDATE name SET ... WHERE ... IF version < ?}: applies only over an older version. */
  private static String conditionalUpdate(
      String name, List<String> sets, String where, String versionColumn) {
    return "UPDATE "
        + name
        + " SET "
        + String.join(", ", sets)
        + " WHERE "
        + where
        + " IF "
        + versionColumn
        + " < ?";
  }

  private static String insert(
      String name, List<String> bound, List<String> extraColumns, List<String> extraValues) {
    List<String> columns = new ArrayList<>(bound);
    columns.addAll(extraColumns);
    List<String> values = new ArrayList<>(bound.stream().map(c -> "?").toList());
    values.addAll(extraValues);
    return "INSERT INTO "
        + name
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", values)
        + ") IF NOT EXISTS";
  }
}
