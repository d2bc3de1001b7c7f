package io.lagline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.Heartbeat;
import io.lagline.event.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * The payload schemas of the event contract: one JSON Schema (2020-12) per {@code {event_type,
 * schema_version}}, read from {@code <dir>/<eventType>/<schemaVersion>.json}. Loaded once and
 * immutable, so one instance is shared by every thread. The reserved heartbeat event ({@link
 * Heartbeat#EVENT_TYPE}) is exempt: its payload is built and read by Lagline itself, and a
 * contracts directory never has to carry it.
 */
public final class Contracts {
  /** Where the bundled copy of the repository's {@code contracts/} sits on the classpath. */
  public static final String BUNDLED_RESOURCE = "contracts";

  private final String source;
  private final SortedMap<String, SortedMap<Integer, Schema>> schemas;

  Contracts(String source, SortedMap<String, SortedMap<Integer, Schema>> schemas) {
    this.source = source;
    this.schemas = schemas;
  }

  /**
   * Loads every schema under {@code dir}.
   *
   * @throws ContractException naming each file that is not valid JSON, not a valid 2020-12 schema,
   *     or not named {@code <eventType>/<positive integer>.json}
   */
  public static Contracts load(Path dir) {
    return ContractLoader.fromDirectory(dir);
  }

  /**
   * Loads the schemas bundled on the classpath under {@code resource} (a directory of the
   * classpath, in a jar or not).
   *
   * @throws ContractException when it is missing or holds a bad schema file
   */
  public static Contracts fromClasspath(String resource, ClassLoader loader) {
    return ContractLoader.fromClasspath(resource, loader);
  }

  /** The copy of the repository's {@code contracts/} bundled in {@code lagline-common}. */
  public static Contracts bundled() {
    return fromClasspath(BUNDLED_RESOURCE, Contracts.class.getClassLoader());
  }

  Contracts withSource(String newSource) {
    return new Contracts(newSource, schemas);
  }

  /** Where the schemas were read from, for messages. */
  public String source() {
    return source;
  }

  /** Every {@code {eventType, schemaVersion}} with a schema, sorted. */
  public List<ContractKey> keys() {
    List<ContractKey> keys = new ArrayList<>();
    schemas.forEach((type, versions) -> versions.keySet().forEach(v -> keys.add(key(type, v))));
    return keys;
  }

  /** The schema of {@code key}, as written in its file. */
  public Optional<JsonNode> schema(ContractKey key) {
    return find(key).map(Schema::getSchemaNode);
  }

  /**
   * Every violation of {@code payload} against the schema of {@code eventType} at {@code
   * schemaVersion}, each with the JSON pointer of the value at fault as its field ({@code /steps},
   * {@code /battery/level}); {@code payload} for the payload as a whole. An event type or version
   * without a schema is one violation naming {@code event_type} or {@code schema_version}. Empty
   * when the payload is valid, and always for the heartbeat.
   */
  public List<Violation> validate(String eventType, int schemaVersion, JsonNode payload) {
    if (Heartbeat.is(eventType)) {
      return List.of();
    }
    SortedMap<Integer, Schema> versions = schemas.get(eventType);
    if (versions == null) {
      return List.of(
          new Violation(
              Attributes.EVENT_TYPE,
              "'" + eventType + "' has no contract in " + source + "; known: " + known()));
    }
    Schema schema = versions.get(schemaVersion);
    if (schema == null) {
      return List.of(
          new Violation(
              Attributes.SCHEMA_VERSION,
              eventType
                  + " has no schema version "
                  + schemaVersion
                  + " in "
                  + source
                  + "; known: "
                  + versions.keySet().stream()
                      .map(String::valueOf)
                      .collect(Collectors.joining(", "))));
    }
    List<Violation> violations = new ArrayList<>();
    for (Error error : schema.validate(payload)) {
      violations.add(new Violation(Pointers.of(error), error.getMessage()));
    }
    return violations;
  }

  /** {@link #validate(String, int, JsonNode)} of the event's payload. */
  public List<Violation> validate(Event event) {
    return validate(event.eventType(), event.schemaVersion(), event.payload());
  }

  /**
   * Checks the event's payload against its schema.
   *
   * @throws SchemaViolationException with every violation when it breaks it
   */
  public void check(Event event) {
    List<Violation> violations = validate(event);
    if (!violations.isEmpty()) {
      throw new SchemaViolationException(event.eventType(), event.schemaVersion(), violations);
    }
  }

  /**
   * The JSON types ({@code string}, {@code integer}, {@code number}, {@code boolean}, {@code
   * object}, {@code array}, {@code null}) the schema of {@code key} allows at the payload field
   * {@code path} (property names from the payload's root, e.g. {@code [battery, level]}), followed
   * through {@code properties}. Every type when the field is defined without a {@code type}; empty
   * when the schema has no such key or does not define the field.
   */
  public Optional<Set<String>> fieldTypes(ContractKey key, List<String> path) {
    return schema(key).flatMap(node -> SchemaFields.types(node, path));
  }

  private Optional<Schema> find(ContractKey key) {
    SortedMap<Integer, Schema> versions = schemas.get(key.eventType());
    return versions == null
        ? Optional.empty()
        : Optional.ofNullable(versions.get(key.schemaVersion()));
  }

  private String known() {
    return schemas.isEmpty() ? "none" : String.join(", ", schemas.keySet());
  }

  private static ContractKey key(String type, int version) {
    return new ContractKey(type, version);
  }

  @Override
  public String toString() {
    return "Contracts[" + source + ": " + keys() + "]";
  }
}
