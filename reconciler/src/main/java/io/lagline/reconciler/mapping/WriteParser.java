package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads and checks one entry of an event's {@code writes}, recording every problem it finds. */
final class WriteParser {
  static final List<String> WRITE_KEYS =
      List.of("table", "mode", "partition-key", "clustering-key", "columns");
  static final List<String> COLUMN_KEYS = List.of("from", "type", "required");

  private static final String MODES =
      Arrays.stream(WriteMode.values()).map(WriteMode::yamlName).collect(Collectors.joining(", "));
  private static final String TYPES =
      Arrays.stream(CqlType.values()).map(CqlType::cql).collect(Collectors.joining(", "));

  private final Problems problems;
  private final String versionColumn;
  private final String deletedColumn;

  WriteParser(Problems problems, String versionColumn, String deletedColumn) {
    this.problems = problems;
    this.versionColumn = versionColumn;
    this.deletedColumn = deletedColumn;
  }

  /**
   * What one write says, as far as it could be read; {@code write} is null when it has any problem.
   */
  record Draft(
      String path,
      String table,
      WriteMode mode,
      List<String> partitionKey,
      List<String> clusteringKey,
      Map<String, Column> columns,
      TableWrite write) {}

  /** One column as read; {@code type} is null when missing or unknown. */
  record Column(String name, String path, CqlType type, String from, Boolean required) {}

  Draft parse(JsonNode node, String path) {
    int before = problems.count();
    if (!node.isObject()) {
      problems.add(path, node, "must be a mapping with table, mode, partition-key and columns");
      return null;
    }
    problems.unknownKeys(node, path, WRITE_KEYS);
    String table = problems.text(node, "table", path, true);
    if (table != null && CqlIdentifiers.problem(table) != null) {
      problems.add(path + ".table", table, CqlIdentifiers.problem(table));
    }
    WriteMode mode = mode(node, path);
    List<String> partitionKey = keyList(node, "partition-key", path, true);
    List<String> clusteringKey = keyList(node, "clustering-key", path, false);
    Map<String, Column> columns = columns(node, path, mode);
    checkKeys(path, "partition-key", partitionKey, List.of(), columns);
    checkKeys(path, "clustering-key", clusteringKey, partitionKey, columns);
    checkColumns(mode, partitionKey, clusteringKey, columns);
    TableWrite write = null;
    if (problems.count() == before) {
      List<ColumnMapping> mappings = new ArrayList<>();
      List<String> key = new ArrayList<>(partitionKey);
      key.addAll(clusteringKey);
      for (Column c : columns.values()) {
        boolean required = key.contains(c.name()) || c.required() == null || c.required();
        mappings.add(new ColumnMapping(c.name(), c.type(), c.from(), required));
      }
      write = new TableWrite(table, mode, partitionKey, clusteringKey, mappings);
    }
    return new Draft(path, table, mode, partitionKey, clusteringKey, columns, write);
  }

  private WriteMode mode(JsonNode node, String path) {
    String text = problems.text(node, "mode", path, true);
    if (text == null) {
      return null;
    }
    WriteMode mode = WriteMode.fromYaml(text).orElse(null);
    if (mode == null) {
      problems.add(path + ".mode", text, "must be one of " + MODES);
    }
    return mode;
  }

  /** A list of column names; the partition key must not be empty. Null when unreadable. */
  private List<String> keyList(JsonNode node, String field, String path, boolean required) {
    JsonNode list = problems.list(node, field, path, required);
    if (list == null) {
      return required ? null : List.of();
    }
    String listPath = path + "." + field;
    if (required && list.isEmpty()) {
      problems.add(listPath, list, "must list at least one column");
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode name = list.get(i);
      if (!name.isTextual()) {
        problems.add(listPath + "[" + i + "]", name, "must be a column name");
      } else if (names.contains(name.textValue())) {
        problems.add(listPath + "[" + i + "]", name, "lists the same column twice");
      } else {
        names.add(name.textValue());
      }
    }
    return names.size() == list.size() ? List.copyOf(names) : null;
  }

  private Map<String, Column> columns(JsonNode node, String path, WriteMode mode) {
    Map<String, Column> columns = new LinkedHashMap<>();
    JsonNode object = problems.object(node, "columns", path, true);
    if (object == null) {
      return columns;
    }
    if (object.isEmpty()) {
      problems.add(path + ".columns", object, "must map at least one column");
    }
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      Column column =
          column(entry.getKey(), entry.getValue(), path + ".columns." + entry.getKey(), mode);
      if (column != null) {
        columns.put(column.name(), column);
      }
    }
    return columns;
  }

  private Column column(String name, JsonNode node, String path, WriteMode mode) {
    String identifierProblem = CqlIdentifiers.problem(name);
    if (identifierProblem != null) {
      problems.add(path, name, identifierProblem);
    } else if (mode == null || mode.versioned()) {
      if (name.equals(versionColumn)) {
        problems.add(
            path,
            name,
            "is the version column (version-column) that versioned tables get; rename it");
      } else if (name.equals(deletedColumn)) {
        problems.add(
            path,
            name,
            "is the deleted column (deleted-column) that deletable tables get; rename it");
      }
    }
    if (!node.isObject()) {
      problems.add(path, node, "must be a mapping such as { from: payload.steps, type: int }");
      return null;
    }
    problems.unknownKeys(node, path, COLUMN_KEYS);
    String from = problems.text(node, "from", path, true);
    if (from != null && Source.problem(from) != null) {
      problems.add(path + ".from", from, Source.problem(from));
    }
    String typeName = problems.text(node, "type", path, true);
    CqlType type = typeName == null ? null : CqlType.fromCql(typeName).orElse(null);
    if (typeName != null && type == null) {
      problems.add(path + ".type", typeName, "must be one of " + TYPES);
    }
    if (Source.PAYLOAD.equals(from) && type != null && !type.isText()) {
      problems.add(
          path + ".type",
          typeName,
          "the whole payload is stored as JSON text: must be text, varchar or ascii");
    }
    Boolean required = null;
    JsonNode requiredNode = node.get("required");
    if (requiredNode != null && !requiredNode.isNull()) {
      if (requiredNode.isBoolean()) {
        required = requiredNode.booleanValue();
      } else {
        problems.add(path + ".required", requiredNode, "must be true or false");
      }
    }
    return new Column(name, path, type, from, required);
  }

  private void checkKeys(
      String path,
      String field,
      List<String> keys,
      List<String> otherKeys,
      Map<String, Column> columns) {
    if (keys == null) {
      return;
    }
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      String keyPath = path + "." + field + "[" + i + "]";
      Column column = columns.get(key);
      if (otherKeys != null && otherKeys.contains(key)) {
        problems.add(keyPath, key, "is already in the partition key");
      } else if (column == null) {
        problems.add(keyPath, key, "must be one of the write's columns; map it under columns");
      } else if (Boolean.FALSE.equals(column.required())) {
        problems.add(
            column.path() + ".required",
            "false",
            "key columns are always required; remove required: false");
      }
    }
  }

  private void checkColumns(
      WriteMode mode,
      List<String> partitionKey,
      List<String> clusteringKey,
      Map<String, Column> columns) {
    if (mode != WriteMode.DELETE_IF_NEWER || partitionKey == null || clusteringKey == null) {
      return;
    }
    for (Column column : columns.values()) {
      if (!partitionKey.contains(column.name()) && !clusteringKey.contains(column.name())) {
        problems.add(
            column.path(),
            column.name(),
            "delete-if-newer writes list only key columns (partition-key, clustering-key): a delete sets no values");
      }
    }
  }
}
