package io.lagline.reconciler.mapping;

import io.lagline.event.Attributes;
import io.lagline.event.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole mapping of event types to table writes, loaded and validated once by {@link
 * MappingLoader}. Immutable and thread-safe.
 */
public final class Mapping {
  /** Default name of the bigint column that holds a versioned row's entity version. */
  public static final String DEFAULT_VERSION_COLUMN = "entity_version";

  /** Default name of the boolean column that marks a versioned row deleted. */
  public static final String DEFAULT_DELETED_COLUMN = "deleted";

  private final String versionColumn;
  private final String deletedColumn;
  private final Map<String, EventMapping> events;
  private final List<TableSchema> tables;

  Mapping(
      String versionColumn,
      String deletedColumn,
      List<EventMapping> events,
      List<TableSchema> tables) {
    this.versionColumn = Objects.requireNonNull(versionColumn, "versionColumn");
    this.deletedColumn = Objects.requireNonNull(deletedColumn, "deletedColumn");
    Map<String, EventMapping> byType = new LinkedHashMap<>();
    events.forEach(e -> byType.put(e.eventType(), e));
    this.events = Collections.unmodifiableMap(byType);
    this.tables = List.copyOf(tables);
  }

  /** The bigint column versioned tables keep the entity version in. */
  public String versionColumn() {
    return versionColumn;
  }

  /** The boolean column tables that take deletes mark a deleted row with. */
  public String deletedColumn() {
    return deletedColumn;
  }

  /** The mapping of one event type, if it is mapped. */
  public Optional<EventMapping> forType(String eventType) {
    return Optional.ofNullable(events.get(eventType));
  }

  /** The mapped event types, in file order. */
  public Set<String> eventTypes() {
    return events.keySet();
  }

  /** Every event mapping, in file order. */
  public List<EventMapping> events() {
    return List.copyOf(events.values());
  }

  /** Every table the mapping writes, in order of first appearance in the file. */
  public List<TableSchema> tables() {
    return tables;
  }

  /** One table by name. */
  public Optional<TableSchema> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * The rows one event writes, one per table write of its type, in file order.
   *
   * @param attributes every Pub/Sub attribute of the message, for {@code attribute.<name>} sources
   * @throws MappingException when the type is not mapped, the schema version is not accepted, or
   *     with every missing or invalid value of every write at once
   */
  public List<BoundRow> bind(Event event, Map<String, String> attributes) {
    EventMapping mapping = events.get(event.eventType());
    if (mapping == null) {
      throw new MappingException(
          event.eventId(),
          List.of(
              new MappingException.Problem(
                  MappingException.UNKNOWN_EVENT_TYPE,
                  Attributes.EVENT_TYPE,
                  "no mapping for event type '"
                      + event.eventType()
                      + "'; mapped types: "
                      + events.keySet())));
    }
    if (!mapping.accepts(event.schemaVersion())) {
      throw new MappingException(
          event.eventId(),
          List.of(
              new MappingException.Problem(
                  MappingException.UNSUPPORTED_SCHEMA_VERSION,
                  Attributes.SCHEMA_VERSION,
                  event.eventType()
                      + " accepts schema versions "
                      + mapping.schemaVersions()
                      + ", was "
                      + event.schemaVersion())));
    }
    List<BoundRow> rows = new ArrayList<>(mapping.writes().size());
    List<MappingException.Problem> problems = new ArrayList<>();
    for (TableWrite write : mapping.writes()) {
      try {
        rows.add(write.bind(event, attributes));
      } catch (MappingException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new MappingException(event.eventId(), problems);
    }
    return List.copyOf(rows);
  }

  /**
   * This mapping plus the built-in heartbeat mapping ({@link HeartbeatMapping}): what the
   * reconciler runs with and {@code reconciler schema} creates.
   *
   * @throws io.lagline.config.ConfigException when this mapping uses the reserved event type or
   *     table
   */
  public Mapping withHeartbeat() {
    return HeartbeatMapping.addTo(this);
  }

  /**
   * This mapping writing only to {@code tables}: every event type stays mapped (so none turns
   * unmappable), but writes to other tables are dropped and only those tables remain. A type left
   * with no write is in {@link #typesWithoutWrites()}.
   *
   * @throws IllegalArgumentException naming a table the mapping does not write
   */
  public Mapping only(Set<String> tables) {
    List<String> unknown = tables.stream().filter(t -> table(t).isEmpty()).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "not written by the mapping: "
              + String.join(", ", unknown)
              + " (mapped tables: "
              + String.join(", ", this.tables.stream().map(TableSchema::name).toList())
              + ")");
    }
    List<EventMapping> kept =
        events.values().stream()
            .map(
                e ->
                    new EventMapping(
                        e.eventType(),
                        e.schemaVersions(),
                        e.writes().stream().filter(w -> tables.contains(w.table())).toList()))
            .toList();
    return new Mapping(
        versionColumn,
        deletedColumn,
        kept,
        this.tables.stream().filter(t -> tables.contains(t.name())).toList());
  }

  /** The mapped event types that write no table (after {@link #only(Set)}). */
  public Set<String> typesWithoutWrites() {
    Set<String> empty = new java.util.TreeSet<>();
    events
        .values()
        .forEach(
            e -> {
              if (e.writes().isEmpty()) {
                empty.add(e.eventType());
              }
            });
    return Collections.unmodifiableSet(empty);
  }

  @Override
  public String toString() {
    return "Mapping" + events.keySet() + " -> " + tables.stream().map(TableSchema::name).toList();
  }
}
