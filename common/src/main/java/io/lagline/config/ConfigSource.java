package io.lagline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where configuration values come from: a YAML tree overlaid with environment variables. Remembers
 * which keys were asked for, so the keys in the file that nobody asked for can be reported as
 * unknown.
 */
final class ConfigSource {
  private static final ObjectMapper YAML = new YAMLMapper();

  private final JsonNode root;
  private final String fileName;
  private final Map<String, String> env;
  private final String envPrefix;
  private final Set<String> readKeys = new LinkedHashSet<>();

  private ConfigSource(JsonNode root, String fileName, Map<String, String> env, String envPrefix) {
    this.root = root;
    this.fileName = fileName;
    this.env = Map.copyOf(env);
    this.envPrefix = envPrefix;
  }

  static ConfigSource load(Path file, Map<String, String> env, String envPrefix) {
    if (file == null) {
      return new ConfigSource(MissingNode.getInstance(), "(no file)", env, envPrefix);
    }
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw single("config file", name, "must be a readable YAML file; it does not exist");
    }
    try {
      JsonNode tree = YAML.readTree(file.toFile());
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        tree = MissingNode.getInstance();
      } else if (!(tree instanceof ObjectNode)) {
        throw single("config file", name, "must be a YAML mapping of keys to values");
      }
      return new ConfigSource(tree, name, env, envPrefix);
    } catch (IOException e) {
      throw single(
          "config file",
          name,
          "must be valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  static ConfigSource of(JsonNode tree, Map<String, String> env, String envPrefix) {
    return new ConfigSource(
        tree == null ? MissingNode.getInstance() : tree, "(inline)", env, envPrefix);
  }

  static String envName(String prefix, String key) {
    return prefix + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The value of {@code key}: its environment variable, else the file's value, else null. */
  Raw raw(String key) {
    readKeys.add(key);
    String envVar = envName(envPrefix, key);
    String fromEnv = env.get(envVar);
    if (fromEnv != null) {
      return new Raw(fromEnv, null, "env " + envVar);
    }
    JsonNode node = find(root, key.split("\\."), 0);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    String text = node.isValueNode() ? node.asText() : node.toString();
    return new Raw(text, node, fileName);
  }

  /**
   * The node at {@code parts[from..]} below {@code node}. YAML may spell a key nested ({@code a:
   * {b: 1}}) or with dots ({@code a.b: 1}, {@code a: {b.c: 1}}); every spelling finds the same
   * value.
   */
  private static JsonNode find(JsonNode node, String[] parts, int from) {
    if (from == parts.length) {
      return node;
    }
    if (!node.isObject()) {
      return MissingNode.getInstance();
    }
    for (int to = parts.length; to > from; to--) {
      JsonNode child = node.get(String.join(".", Arrays.copyOfRange(parts, from, to)));
      if (child != null) {
        JsonNode found = find(child, parts, to);
        if (!found.isMissingNode()) {
          return found;
        }
      }
    }
    return MissingNode.getInstance();
  }

  /** Every key asked for so far, in order. */
  Set<String> keysRead() {
    return Set.copyOf(readKeys);
  }

  /** Where {@code key}'s value comes from, for messages. */
  String sourceOf(String key) {
    return env.containsKey(envName(envPrefix, key)) ? "env " + envName(envPrefix, key) : fileName;
  }

  String fileName() {
    return fileName;
  }

  /** Keys present in the file that no getter asked for. */
  List<String> unknownKeys() {
    List<String> leaves = new ArrayList<>();
    collectLeaves(root, "", leaves);
    return leaves.stream()
        .filter(
            leaf -> readKeys.stream().noneMatch(k -> leaf.equals(k) || leaf.startsWith(k + ".")))
        .toList();
  }

  private static void collectLeaves(JsonNode node, String prefix, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collectLeaves(
            field.getValue(),
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            out);
      }
    } else if (!prefix.isEmpty()) {
      out.add(prefix);
    }
  }

  private static ConfigException single(String key, String value, String rule) {
    return new ConfigException(List.of(new ConfigProblem(key, value, rule, "command line")));
  }

  /** A value as written, its YAML node (null when it came from the environment) and its source. */
  record Raw(String text, JsonNode node, String source) {}
}
