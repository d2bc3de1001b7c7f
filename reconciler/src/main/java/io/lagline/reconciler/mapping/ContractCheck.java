package io.lagline.reconciler.mapping;

import io.lagline.contract.ContractKey;
import io.lagline.contract.Contracts;
import io.lagline.reconciler.mapping.ContractMismatchException.Mismatch;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a mapping against the payload schemas at start-up: every {@code payload.*} column of every
 * accepted schema version must be defined by that version's schema, with JSON types that {@link
 * CqlType#convert} can take (a {@code null} type is an absent value, governed by {@code required}).
 * Envelope and attribute columns are not payload, so not checked.
 */
public final class ContractCheck {
  private static final Set<CqlType> NUMERIC =
      EnumSet.of(
          CqlType.INT,
          CqlType.BIGINT,
          CqlType.SMALLINT,
          CqlType.TINYINT,
          CqlType.VARINT,
          CqlType.DOUBLE,
          CqlType.FLOAT,
          CqlType.DECIMAL,
          CqlType.TIMESTAMP);

  /**
   * The CQL types a value of each JSON type can convert to (some values of it, at least: a JSON
   * number converts to an integer column when it is integral, a string to most types when its text
   * has the type's form).
   */
  private static final Map<String, Set<CqlType>> CONVERTS_TO =
      Map.of(
          "string", EnumSet.allOf(CqlType.class),
          "integer", NUMERIC,
          "number", NUMERIC,
          "boolean", EnumSet.of(CqlType.BOOLEAN),
          "object", EnumSet.of(CqlType.TEXT, CqlType.VARCHAR, CqlType.ASCII),
          "array", EnumSet.of(CqlType.TEXT, CqlType.VARCHAR, CqlType.ASCII),
          "null", EnumSet.allOf(CqlType.class));

  private ContractCheck() {}

  /**
   * Checks {@code mapping} against {@code contracts}.
   *
   * @throws ContractMismatchException naming the event type, version, field, table and column of
   *     each mismatch
   */
  public static void check(Mapping mapping, Contracts contracts) {
    List<Mismatch> mismatches = mismatches(mapping, contracts);
    if (!mismatches.isEmpty()) {
      throw new ContractMismatchException(contracts.source(), mismatches);
    }
  }

  static List<Mismatch> mismatches(Mapping mapping, Contracts contracts) {
    List<Mismatch> out = new ArrayList<>();
    for (EventMapping event : mapping.events()) {
      for (int version : event.schemaVersions()) {
        ContractKey key = new ContractKey(event.eventType(), version);
        if (contracts.schema(key).isEmpty()) {
          out.add(
              new Mismatch(
                  event.eventType(), version, "payload", "*", "*", "no schema for this version"));
          continue;
        }
        for (TableWrite write : event.writes()) {
          for (ColumnMapping column : write.columns()) {
            check(contracts, key, write, column).ifPresent(out::add);
          }
        }
      }
    }
    return out;
  }

  private static Optional<Mismatch> check(
      Contracts contracts, ContractKey key, TableWrite write, ColumnMapping column) {
    if (!(column.source() instanceof Source.Payload payload) || payload.path().isEmpty()) {
      return Optional.empty(); // the whole payload is an object, stored as JSON text
    }
    Optional<Set<String>> types = contracts.fieldTypes(key, payload.path());
    if (types.isEmpty()) {
      return Optional.of(mismatch(key, write, column, "the schema does not define this field"));
    }
    Set<String> wrong = new TreeSet<>();
    for (String type : types.get()) {
      if (!CONVERTS_TO.getOrDefault(type, Set.of()).contains(column.type())) {
        wrong.add(type);
      }
    }
    if (wrong.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        mismatch(
            key,
            write,
            column,
            "the schema allows "
                + String.join(", ", wrong)
                + ", which cannot convert to "
                + column.type().cql()));
  }

  private static Mismatch mismatch(
      ContractKey key, TableWrite write, ColumnMapping column, String rule) {
    return new Mismatch(
        key.eventType(), key.schemaVersion(), column.from(), write.table(), column.column(), rule);
  }
}
