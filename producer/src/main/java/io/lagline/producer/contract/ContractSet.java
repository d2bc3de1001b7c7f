package io.lagline.producer.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contracts on one side of a comparison: each event type's schemas by version, read from files
 * named {@code <EventType>/<version>.json} relative to the contracts directory.
 *
 * @param origin where they were read, for messages ({@code the working tree}, {@code HEAD~1})
 * @param schemas the schemas of each event type, by version
 */
public record ContractSet(String origin, SortedMap<String, SortedMap<Integer, JsonNode>> schemas) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A schema file: a type directory, then a positive version without leading zeros. */
  private static final Pattern FILE = Pattern.compile("([^/]+)/([^/]+)\\.json");

  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

  public ContractSet {
    SortedMap<String, SortedMap<Integer, JsonNode>> copy = new TreeMap<>();
    schemas.forEach(
        (type, versions) ->
            copy.put(type, Collections.unmodifiableSortedMap(new TreeMap<>(versions))));
    schemas = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Parses {@code files} (relative path to content). Files that are not {@code .json} or not in a
   * type directory (a README, a shared definition at the top) are left out.
   *
   * @throws ContractException naming the first file that is not a schema: not JSON, not an object,
   *     or not named by a positive version
   */
  public static ContractSet parse(String origin, Map<String, String> files) {
    SortedMap<String, SortedMap<Integer, JsonNode>> schemas = new TreeMap<>();
    for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
      Matcher name = FILE.matcher(file.getKey());
      if (!name.matches()) {
        continue;
      }
      String where = origin + ":" + file.getKey();
      if (!VERSION.matcher(name.group(2)).matches()) {
        throw new ContractException(
            where, "the file name must be the schema version, a positive integer (1.json, 2.json)");
      }
      schemas
          .computeIfAbsent(name.group(1), type -> new TreeMap<>())
          .put(Integer.parseInt(name.group(2)), schema(where, file.getValue()));
    }
    return new ContractSet(origin, schemas);
  }

  private static JsonNode schema(String where, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ContractException(where, "not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ContractException(where, "a schema must be a JSON object");
    }
    return node;
  }

  /** The versions of {@code eventType}, empty when it has none here. */
  public SortedMap<Integer, JsonNode> versions(String eventType) {
    return schemas.getOrDefault(eventType, Collections.emptySortedMap());
  }

  /** Whether there are no contracts at all. */
  public boolean isEmpty() {
    return schemas.isEmpty();
  }

  /** How many schema versions there are, over every type. */
  public int size() {
    return schemas.values().stream().mapToInt(Map::size).sum();
  }
}
