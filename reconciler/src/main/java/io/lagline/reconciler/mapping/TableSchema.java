package io.lagline.reconciler.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A table as every write of the mapping sees it together: the shape {@code reconciler schema}
 * creates.
 *
 * @param name the table name
 * @param partitionKey the partition key columns, in order
 * @param clusteringKey the clustering columns, in order (ascending clustering order)
 * @param regular the other columns: the union of every write's value columns in order of first
 *     appearance, then the version column when versioned, then the deleted column when deletable
 * @param versioned whether any write is versioned (upsert-if-newer or delete-if-newer)
 * @param deletable whether any write is delete-if-newer
 */
public record TableSchema(
    String name,
    List<Column> partitionKey,
    List<Column> clusteringKey,
    List<Column> regular,
    boolean versioned,
    boolean deletable) {

  /** One column of a table. */
  public record Column(String name, CqlType type) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public TableSchema {
    Objects.requireNonNull(name, "name");
    partitionKey = List.copyOf(partitionKey);
    clusteringKey = List.copyOf(clusteringKey);
    regular = List.copyOf(regular);
  }

  /** Every column: partition key, clustering key, then regular columns. */
  public List<Column> columns() {
    return Stream.of(partitionKey, clusteringKey, regular).flatMap(List::stream).toList();
  }

  /** The names of the primary key columns, partition key first. */
  public List<String> primaryKey() {
    return Stream.concat(partitionKey.stream(), clusteringKey.stream()).map(Column::name).toList();
  }

  /** One column by name. */
  public Optional<Column> column(String name) {
    return columns().stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
