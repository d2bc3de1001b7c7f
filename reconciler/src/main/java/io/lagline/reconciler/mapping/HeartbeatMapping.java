package io.lagline.reconciler.mapping;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.event.Heartbeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The built-in mapping of the reserved {@link Heartbeat} event: an upsert-if-newer of one row per
 * producer into {@value #TABLE} in the reconciler's keyspace. It is added to every user mapping
 * ({@link Mapping#withHeartbeat()}), so the table is created by {@code reconciler schema --apply}
 * and checked at start-up like any mapped table; a user mapping may not claim its event type or
 * table.
 */
public final class HeartbeatMapping {
  /** The table heartbeats are written to. */
  public static final String TABLE = "lagline_heartbeats";

  /** Its key column: the producer id (the heartbeat's entity key). */
  public static final String PRODUCER_ID = "producer_id";

  /** When the producer emitted the heartbeat (its {@code occurred_at}). */
  public static final String EMITTED_AT = "emitted_at";

  /** The producer's heartbeat interval in milliseconds, from the payload. */
  public static final String INTERVAL_MS = "interval_ms";

  static final TableWrite WRITE =
      new TableWrite(
          TABLE,
          WriteMode.UPSERT_IF_NEWER,
          List.of(PRODUCER_ID),
          List.of(),
          List.of(
              new ColumnMapping(PRODUCER_ID, CqlType.TEXT, "entity_key", true),
              new ColumnMapping(EMITTED_AT, CqlType.TIMESTAMP, "occurred_at", true),
              new ColumnMapping(
                  INTERVAL_MS, CqlType.BIGINT, "payload." + Heartbeat.INTERVAL_MS, false)));

  static final EventMapping EVENT =
      new EventMapping(Heartbeat.EVENT_TYPE, Set.of(Heartbeat.SCHEMA_VERSION), List.of(WRITE));

  private HeartbeatMapping() {}

  /**
   * {@code mapping} with the heartbeat mapping appended; {@code mapping} itself when it already has
   * it.
   *
   * @throws ConfigException when the user mapping uses the reserved event type or table
   */
  static Mapping addTo(Mapping mapping) {
    if (mapping.forType(Heartbeat.EVENT_TYPE).orElse(null) == EVENT) {
      return mapping;
    }
    List<ConfigProblem> problems = new ArrayList<>();
    if (mapping.forType(Heartbeat.EVENT_TYPE).isPresent()) {
      problems.add(
          reserved("events[].event-type", Heartbeat.EVENT_TYPE, "the built-in heartbeat event"));
    }
    if (mapping.table(TABLE).isPresent()) {
      problems.add(reserved("events[].writes[].table", TABLE, "the built-in heartbeat table"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    List<EventMapping> events = new ArrayList<>(mapping.events());
    events.add(EVENT);
    List<TableSchema> tables = new ArrayList<>(mapping.tables());
    tables.addAll(
        TableChecks.schemas(List.of(WRITE), mapping.versionColumn(), mapping.deletedColumn()));
    return new Mapping(mapping.versionColumn(), mapping.deletedColumn(), events, tables);
  }

  private static ConfigProblem reserved(String key, String value, String what) {
    return new ConfigProblem(
        key, value, "is reserved for " + what + " (docs/MAPPING.md); rename it", "mapping file");
  }
}
