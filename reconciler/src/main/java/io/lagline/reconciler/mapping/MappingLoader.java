package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads a mapping file (docs/MAPPING.md) and validates all of it at once: a {@link ConfigException}
 * lists every problem, each with its path in the file (e.g. {@code
 * events[0].writes[1].columns.steps.type}), the value and the rule it breaks.
 */
public final class MappingLoader {
  static final List<String> TOP_KEYS = List.of("version-column", "deleted-column", "events");

  /** The problem key of file-level failures (unreadable file, YAML syntax). */
  static final String FILE_KEY = "mapping file";

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private MappingLoader() {}

  /**
   * Reads and validates a mapping file.
   *
   * @throws ConfigException naming every problem, or the file when it cannot be read
   */
  public static Mapping load(Path yaml) {
    String text;
    try {
      text = Files.readString(yaml);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  FILE_KEY,
                  yaml.toString(),
                  "must be a readable UTF-8 YAML file",
                  "command line")));
    }
    return parse(text, yaml.toString());
  }

  /**
   * Parses and validates mapping YAML.
   *
   * @param sourceName where the text came from, shown in every problem (a file name, "(inline)")
   * @throws ConfigException naming every problem
   */
  public static Mapping parse(String yaml, String sourceName) {
    Objects.requireNonNull(yaml, "yaml");
    JsonNode root = readTree(yaml, sourceName);
    if (root == null || !root.isObject()) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  FILE_KEY, sourceName, "must be a YAML mapping with an events list", sourceName)));
    }
    Problems problems = new Problems(sourceName);
    problems.unknownKeys(root, "", TOP_KEYS);
    String versionColumn = column(root, "version-column", Mapping.DEFAULT_VERSION_COLUMN, problems);
    String deletedColumn = column(root, "deleted-column", Mapping.DEFAULT_DELETED_COLUMN, problems);
    if (versionColumn.equals(deletedColumn)) {
      problems.add("deleted-column", deletedColumn, "must differ from version-column");
    }
    JsonNode events = problems.list(root, "events", "", true);
    if (events != null && events.isEmpty()) {
      problems.add("events", events, "must list at least one event mapping");
    }
    EventParser parser = new EventParser(problems, versionColumn, deletedColumn);
    List<EventMapping> mappings = events == null ? List.of() : parser.parse(events);
    TableChecks.check(parser.drafts(), problems);
    problems.throwIfAny();
    List<TableWrite> writes = mappings.stream().flatMap(m -> m.writes().stream()).toList();
    return new Mapping(
        versionColumn,
        deletedColumn,
        mappings,
        TableChecks.schemas(writes, versionColumn, deletedColumn));
  }

  private static JsonNode readTree(String yaml, String sourceName) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      String rule = "must be valid YAML: " + message.lines().findFirst().orElse("") + where;
      throw new ConfigException(List.of(new ConfigProblem(FILE_KEY, sourceName, rule, sourceName)));
    }
  }

  private static String column(JsonNode root, String key, String defaultName, Problems problems) {
    String name = problems.text(root, key, "", false);
    if (name == null) {
      return defaultName;
    }
    String problem = CqlIdentifiers.problem(name);
    if (problem != null) {
      problems.add(key, name, problem);
    }
    return name;
  }
}
