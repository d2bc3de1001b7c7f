package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the {@code events} list: each entry's type, schema versions and writes. Keeps
 * every write's {@link WriteParser.Draft} for the checks that span writes ({@link TableChecks}).
 */
final class EventParser {
  static final List<String> EVENT_KEYS = List.of("event-type", "schema-versions", "writes");

  /** The event contract's rule for {@code event_type} (see EventRules in common). */
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");

  private final Problems problems;
  private final WriteParser writeParser;
  private final List<WriteParser.Draft> drafts = new ArrayList<>();

  EventParser(Problems problems, String versionColumn, String deletedColumn) {
    this.problems = problems;
    this.writeParser = new WriteParser(problems, versionColumn, deletedColumn);
  }

  /** The events that have no problem; every problem of the others is recorded. */
  List<EventMapping> parse(JsonNode events) {
    List<EventMapping> mappings = new ArrayList<>();
    Map<String, String> typePaths = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      String path = "events[" + i + "]";
      JsonNode node = events.get(i);
      if (!node.isObject()) {
        problems.add(path, node, "must be a mapping with event-type, schema-versions and writes");
        continue;
      }
      int before = problems.count();
      problems.unknownKeys(node, path, EVENT_KEYS);
      String type = eventType(node, path, typePaths);
      Set<Integer> versions = schemaVersions(node, path);
      List<TableWrite> writes = writes(node, path);
      if (problems.count() == before) {
        mappings.add(new EventMapping(type, versions, writes));
      }
    }
    return mappings;
  }

  /** Every write read so far, valid or not, in file order. */
  List<WriteParser.Draft> drafts() {
    return drafts;
  }

  private String eventType(JsonNode node, String path, Map<String, String> typePaths) {
    String type = problems.text(node, "event-type", path, true);
    if (type == null) {
      return null;
    }
    if (!EVENT_TYPE.matcher(type).matches()) {
      problems.add(
          path + ".event-type",
          type,
          "must start with a letter and hold only letters, digits, '_', '.' or '-' (at most 128)");
    }
    String earlier = typePaths.putIfAbsent(type, path);
    if (earlier != null) {
      problems.add(
          path + ".event-type",
          type,
          "is already mapped by " + earlier + "; map each event type once");
    }
    return type;
  }

  private Set<Integer> schemaVersions(JsonNode node, String path) {
    JsonNode list = problems.list(node, "schema-versions", path, true);
    Set<Integer> versions = new LinkedHashSet<>();
    if (list == null) {
      return versions;
    }
    if (list.isEmpty()) {
      problems.add(
          path + ".schema-versions", list, "must list at least one accepted schema version");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode version = list.get(i);
      String versionPath = path + ".schema-versions[" + i + "]";
      if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() <= 0) {
        problems.add(versionPath, version, "must be a positive integer");
      } else if (!versions.add(version.intValue())) {
        problems.add(versionPath, version, "lists the same version twice");
      }
    }
    return versions;
  }

  private List<TableWrite> writes(JsonNode node, String path) {
    JsonNode list = problems.list(node, "writes", path, true);
    List<TableWrite> writes = new ArrayList<>();
    if (list == null) {
      return writes;
    }
    if (list.isEmpty()) {
      problems.add(path + ".writes", list, "must list at least one table write");
    }
    Map<String, String> tablePaths = new HashMap<>();
    for (int j = 0; j < list.size(); j++) {
      String writePath = path + ".writes[" + j + "]";
      WriteParser.Draft draft = writeParser.parse(list.get(j), writePath);
      if (draft == null) {
        continue;
      }
      drafts.add(draft);
      if (draft.table() != null) {
        String earlier = tablePaths.putIfAbsent(draft.table(), writePath);
        if (earlier != null) {
          problems.add(
              writePath + ".table",
              draft.table(),
              "is already written by " + earlier + "; an event writes a table once");
        }
      }
      if (draft.write() != null) {
        writes.add(draft.write());
      }
    }
    return writes;
  }
}
