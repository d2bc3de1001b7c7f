package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.Event;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One table an event type writes, how, and which columns it fills from where. Versioned modes also
 * write the mapping's version column (from the event's entity version), which is not one of {@link
 * #columns()}.
 *
 * @param table the table name
 * @param mode how the row is written
 * @param partitionKey the partition key columns, in order; never empty
 * @param clusteringKey the clustering columns, in order; may be empty
 * @param columns every column the write fills, key columns included, in file order
 */
public record TableWrite(
    String table,
    WriteMode mode,
    List<String> partitionKey,
    List<String> clusteringKey,
    List<ColumnMapping> columns) {

  public TableWrite {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(mode, "mode");
    partitionKey = List.copyOf(partitionKey);
    clusteringKey = List.copyOf(clusteringKey);
    columns = List.copyOf(columns);
    if (partitionKey.isEmpty()) {
      throw new IllegalArgumentException(
          "table " + table + ": the partition key must not be empty");
    }
    for (String key : Stream.concat(partitionKey.stream(), clusteringKey.stream()).toList()) {
      if (columns.stream().noneMatch(c -> c.column().equals(key))) {
        throw new IllegalArgumentException(
            "table " + table + ": key column " + key + " is not mapped");
      }
    }
  }

  /** The partition key then the clustering key. */
  public List<String> primaryKey() {
    if (clusteringKey.isEmpty()) {
      return partitionKey; // already immutable; most tables, and every write of every event
    }
    List<String> key = new ArrayList<>(partitionKey.size() + clusteringKey.size());
    key.addAll(partitionKey);
    key.addAll(clusteringKey);
    return List.copyOf(key);
  }

  /** The mappings of the primary key columns, in primary key order. */
  public List<ColumnMapping> keyColumns() {
    return primaryKey().stream().map(key -> column(key).orElseThrow()).toList();
  }

  /** The mappings of the columns outside the primary key, in file order. */
  public List<ColumnMapping> valueColumns() {
    List<String> key = primaryKey();
    return columns.stream().filter(c -> !key.contains(c.column())).toList();
  }

  /** The mapping of one column, if the write fills it. */
  public Optional<ColumnMapping> column(String name) {
    return columns.stream().filter(c -> c.column().equals(name)).findFirst();
  }

  /**
   * The values {@code event} gives this write's columns.
   *
   * @param attributes every Pub/Sub attribute of the message, for {@code attribute.<name>} sources
   * @throws MappingException with every missing or invalid value of this write
   */
  public BoundRow bind(Event event, Map<String, String> attributes) {
    List<MappingException.Problem> problems = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (ColumnMapping column : columns) {
      String name = column.column(); // qualified with the table only in a problem's text
      try {
        JsonNode node = column.source().read(event, attributes);
        Object value = column.type().convert(node, column.from());
        boolean inKey = partitionKey.contains(name) || clusteringKey.contains(name);
        if (value == null && (column.required() || inKey)) {
          problems.add(
              new MappingException.Problem(
                  MappingException.MISSING_FIELD,
                  column.from(),
                  "column " + table + "." + name + " requires a value; it is missing or null"));
        } else if (partitionKey.contains(column.column()) && isEmpty(value)) {
          problems.add(
              new MappingException.Problem(
                  MappingException.INVALID_VALUE,
                  column.from(),
                  "column " + table + "." + name + ": a partition key value must not be empty"));
        }
        values.put(name, value);
      } catch (MappingException e) {
        for (MappingException.Problem problem : e.problems()) {
          problems.add(
              new MappingException.Problem(
                  problem.reason(),
                  problem.field(),
                  "column " + table + "." + name + ": " + problem.detail()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new MappingException(event.eventId(), problems);
    }
    return new BoundRow(this, values);
  }

  private static boolean isEmpty(Object value) {
    return (value instanceof String text && text.isEmpty())
        || (value instanceof ByteBuffer bytes && !bytes.hasRemaining());
  }
}
