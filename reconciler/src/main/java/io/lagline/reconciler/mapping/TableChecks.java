package io.lagline.reconciler.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that span writes to one table, and the table schemas they allow. A table is either
 * versioned state (upsert-if-newer, delete-if-newer) or a fact table (insert-if-absent); every
 * write to it uses the same primary key; a column has one type across all writes; versioned rows
 * are keyed by the entity; every upsert of a table sets the same columns.
 */
final class TableChecks {
  private TableChecks() {}

  /** Records a problem for every write that disagrees with an earlier write to the same table. */
  static void check(List<WriteParser.Draft> drafts, Problems problems) {
    Map<String, WriteParser.Draft> firstMode = new HashMap<>();
    Map<String, WriteParser.Draft> firstKey = new HashMap<>();
    Map<String, WriteParser.Column> firstType = new HashMap<>();
    Map<String, WriteParser.Draft> firstUpsert = new HashMap<>();
    for (WriteParser.Draft draft : drafts) {
      String table = draft.table();
      if (table == null) {
        continue;
      }
      checkVersionScope(draft, problems);
      checkSameValues(draft, firstUpsert, problems);
      if (draft.mode() != null) {
        WriteParser.Draft first = firstMode.putIfAbsent(table, draft);
        if (first != null && first.mode().versioned() != draft.mode().versioned()) {
          problems.add(
              draft.path() + ".mode",
              draft.mode().yamlName(),
              "table "
                  + table
                  + " is written by "
                  + first.mode().yamlName()
                  + " in "
                  + first.path()
                  + "; a table is either versioned state (upsert-if-newer, delete-if-newer) or a fact table"
                  + " (insert-if-absent), not both");
        }
      }
      if (draft.partitionKey() != null && draft.clusteringKey() != null) {
        WriteParser.Draft first = firstKey.putIfAbsent(table, draft);
        if (first != null && !first.partitionKey().equals(draft.partitionKey())) {
          problems.add(
              draft.path() + ".partition-key",
              draft.partitionKey().toString(),
              "table "
                  + table
                  + " has partition key "
                  + first.partitionKey()
                  + " in "
                  + first.path()
                  + "; every write to a table uses the same primary key");
        } else if (first != null && !first.clusteringKey().equals(draft.clusteringKey())) {
          problems.add(
              draft.path() + ".clustering-key",
              draft.clusteringKey().toString(),
              "table "
                  + table
                  + " has clustering key "
                  + first.clusteringKey()
                  + " in "
                  + first.path()
                  + "; every write to a table uses the same primary key");
        }
      }
      for (WriteParser.Column column : draft.columns().values()) {
        if (column.type() == null) {
          continue;
        }
        WriteParser.Column first = firstType.putIfAbsent(table + "." + column.name(), column);
        if (first != null && first.type() != column.type()) {
          problems.add(
              column.path() + ".type",
              column.type().cql(),
              "column "
                  + table
                  + "."
                  + column.name()
                  + " is "
                  + first.type().cql()
                  + " in "
                  + first.path()
                  + "; a column has one type in every write to its table");
        }
      }
    }
  }

  /**
   * Versions increase per entity key only, so a versioned row must belong to one entity: its
   * partition key must hold the entity key. Otherwise versions of different entities would be
   * compared, and newer events of one entity could be judged stale against another's.
   */
  private static void checkVersionScope(WriteParser.Draft draft, Problems problems) {
    if (draft.mode() == null
        || !draft.mode().versioned()
        || draft.partitionKey() == null
        || draft.columns() == null
        || !draft.columns().keySet().containsAll(draft.partitionKey())) {
      return; // a key column that is not mapped is reported on its own
    }
    boolean keyedByEntity =
        draft.partitionKey().stream()
            .map(name -> draft.columns().get(name))
            .anyMatch(c -> c != null && "entity_key".equals(c.from()));
    if (!keyedByEntity) {
      problems.add(
          draft.path() + ".partition-key",
          draft.partitionKey().toString(),
          "a "
              + draft.mode().yamlName()
              + " write needs a partition-key column filled from entity_key: entity_version only"
              + " orders the events of one entity");
    }
  }

  /**
   * Every upsert-if-newer write to one table sets the same columns. With one version per row, an
   * event that set only some columns would be judged stale against a newer event that set others,
   * and the older event's columns would be lost when the two arrive out of order.
   */
  private static void checkSameValues(
      WriteParser.Draft draft, Map<String, WriteParser.Draft> firstUpsert, Problems problems) {
    if (draft.mode() != WriteMode.UPSERT_IF_NEWER || draft.columns() == null) {
      return;
    }
    WriteParser.Draft first = firstUpsert.putIfAbsent(draft.table(), draft);
    if (first != null && !first.columns().keySet().equals(draft.columns().keySet())) {
      problems.add(
          draft.path() + ".columns",
          draft.columns().keySet().toString(),
          "table "
              + draft.table()
              + " is upserted with columns "
              + first.columns().keySet()
              + " in "
              + first.path()
              + "; every upsert-if-newer write to a table sets the same columns (one version orders"
              + " the whole row), so split partial updates into tables of their own");
    }
  }

  /**
   * The schema of every table, in order of first appearance; the writes must have passed {@link
   * #check}.
   */
  static List<TableSchema> schemas(
      List<TableWrite> writes, String versionColumn, String deletedColumn) {
    Map<String, List<TableWrite>> byTable = new LinkedHashMap<>();
    writes.forEach(w -> byTable.computeIfAbsent(w.table(), t -> new ArrayList<>()).add(w));
    List<TableSchema> schemas = new ArrayList<>();
    byTable.forEach(
        (table, tableWrites) ->
            schemas.add(schema(table, tableWrites, versionColumn, deletedColumn)));
    return schemas;
  }

  private static TableSchema schema(
      String table, List<TableWrite> writes, String versionColumn, String deletedColumn) {
    TableWrite first = writes.get(0);
    Map<String, TableSchema.Column> regular = new LinkedHashMap<>();
    for (TableWrite write : writes) {
      for (ColumnMapping column : write.valueColumns()) {
        regular.putIfAbsent(
            column.column(), new TableSchema.Column(column.column(), column.type()));
      }
    }
    boolean versioned = writes.stream().anyMatch(w -> w.mode().versioned());
    boolean deletable = writes.stream().anyMatch(w -> w.mode() == WriteMode.DELETE_IF_NEWER);
    if (versioned) {
      regular.put(versionColumn, new TableSchema.Column(versionColumn, CqlType.BIGINT));
    }
    if (deletable) {
      regular.put(deletedColumn, new TableSchema.Column(deletedColumn, CqlType.BOOLEAN));
    }
    return new TableSchema(
        table,
        keyColumns(first, first.partitionKey()),
        keyColumns(first, first.clusteringKey()),
        List.copyOf(regular.values()),
        versioned,
        deletable);
  }

  private static List<TableSchema.Column> keyColumns(TableWrite write, List<String> names) {
    return names.stream()
        .map(name -> new TableSchema.Column(name, write.column(name).orElseThrow().type()))
        .toList();
  }
}
