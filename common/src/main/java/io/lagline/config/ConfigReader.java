package io.lagline.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.config.ConfigSource.Raw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one configuration tree: a YAML file overlaid with environment variables. Keys are dotted
 * kebab-case paths ({@code cassandra.contact-points}); each key's variable is the prefix plus the
 * key in upper case with dots and dashes as underscores ({@code LAGLINE_CASSANDRA_CONTACT_POINTS}),
 * and wins over the file.
 *
 * <p>Typed getters never throw: a bad value is recorded as a {@link ConfigProblem} and the default
 * is returned, so one {@link #finish()} reports every problem at once. {@code finish()} also
 * rejects keys in the file that no getter asked for, which catches typos.
 */
public final class ConfigReader {
  private final ConfigSource source;
  private final Set<String> secretKeys = new LinkedHashSet<>();
  private final List<ConfigProblem> problems = new ArrayList<>();

  private ConfigReader(ConfigSource source) {
    this.source = source;
  }

  /**
   * Loads a YAML file (or nothing, when {@code file} is null) overlaid with the given environment.
   *
   * @throws ConfigException when the file cannot be read or is not a YAML mapping
   */
  public static ConfigReader load(Path file, Map<String, String> env, String envPrefix) {
    return new ConfigReader(ConfigSource.load(file, env, envPrefix));
  }

  /** A reader over an in-memory tree, for tests and embedded use. */
  public static ConfigReader of(JsonNode tree, Map<String, String> env, String envPrefix) {
    return new ConfigReader(ConfigSource.of(tree, env, envPrefix));
  }

  /** The environment variable that overrides {@code key}. */
  public static String envName(String prefix, String key) {
    return ConfigSource.envName(prefix, key);
  }

  /** An optional string; {@code defaultValue} (may be null) when absent. */
  public String string(String key, String defaultValue) {
    Raw raw = raw(key);
    return raw == null ? defaultValue : raw.text();
  }

  /** A string that must be present and non-blank. */
  public String requiredString(String key) {
    Raw raw = raw(key);
    if (raw == null || raw.text().isBlank()) {
      problem(key, raw == null ? null : raw.text(), "is required");
      return null;
    }
    return raw.text();
  }

  /** An integer within {@code [min, max]}. */
  public int integer(String key, int defaultValue, int min, int max) {
    return (int) longValue(key, defaultValue, min, max);
  }

  /** A long within {@code [min, max]}. */
  public long longValue(String key, long defaultValue, long min, long max) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(raw.text().trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(key, raw, "must be an integer from " + min + " to " + max);
    return defaultValue;
  }

  /** A double within {@code [min, max]}. */
  public double decimal(String key, double defaultValue, double min, double max) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    try {
      double value = Double.parseDouble(raw.text().trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(key, raw, "must be a number from " + min + " to " + max);
    return defaultValue;
  }

  /** {@code true} or {@code false}. */
  public boolean bool(String key, boolean defaultValue) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    String text = raw.text().trim().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    problem(key, raw, "must be true or false");
    return defaultValue;
  }

  /** A duration ({@code 250ms}, {@code 30s}, {@code 5m}, ...) within {@code [min, max]}. */
  public Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    Duration value = Durations.parse(raw.text()).orElse(null);
    if (value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
      return value;
    }
    problem(
        key,
        raw,
        "must be a duration such as 250ms, 30s or 5m, from "
            + Durations.format(min)
            + " to "
            + Durations.format(max));
    return defaultValue;
  }

  /**
   * One of an enum's constants, written in any case with '-' or '_' (e.g. {@code local-quorum}).
   */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    String wanted = raw.text().trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    problem(key, raw, "must be one of " + kebab(type));
    return defaultValue;
  }

  /** A list: a YAML sequence, or comma-separated text (the form environment variables use). */
  public List<String> list(String key, List<String> defaultValue) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    if (raw.node() != null && raw.node().isArray()) {
      List<String> values = new ArrayList<>();
      raw.node().forEach(n -> values.add(n.asText().trim()));
      return List.copyOf(values);
    }
    return Arrays.stream(raw.text().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * A map of strings: a YAML mapping, or {@code k=v,k=v} text (the form environment variables use).
   */
  public Map<String, String> map(String key, Map<String, String> defaultValue) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (raw.node() != null && raw.node().isObject()) {
      raw.node().properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
      return values;
    }
    for (String pair : raw.text().split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        problem(key, raw, "must be a mapping, or text of the form key=value,key=value");
        return defaultValue;
      }
      values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return values;
  }

  /**
   * A secret: the value of {@code key} (best given by environment), or the trimmed content of the
   * file named by {@code key-file}. Its value is masked in every problem and log line.
   */
  public Secret secret(String key) {
    secretKeys.add(key);
    Raw raw = raw(key);
    String fileKey = key + "-file";
    String file = string(fileKey, null);
    if (raw != null && file != null) {
      problem(key, raw, "give either " + key + " or " + fileKey + ", not both");
      return null;
    }
    if (raw != null) {
      return Secret.of(raw.text());
    }
    if (file == null) {
      return null;
    }
    try {
      return Secret.of(Files.readString(Path.of(file)).trim());
    } catch (IOException | RuntimeException e) {
      problem(fileKey, file, "must name a readable file holding the secret");
      return null;
    }
  }

  /** A path; when {@code mustExist}, the file must exist. */
  public Path path(String key, Path defaultValue, boolean mustExist) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    Path path = Path.of(raw.text().trim());
    if (mustExist && !Files.exists(path)) {
      problem(key, raw, "must name an existing file");
    }
    return path;
  }

  /** Records a problem found by a rule that spans several keys. */
  public void problem(String key, String value, String rule) {
    problems.add(new ConfigProblem(key, mask(key, value), rule, source.sourceOf(key)));
  }

  /**
   * Ends reading: rejects unknown keys in the file and throws when any problem was recorded.
   *
   * @throws ConfigException naming every problem
   */
  public void finish() {
    for (String leaf : source.unknownKeys()) {
      problems.add(
          new ConfigProblem(
              leaf,
              null,
              "is not a known key (see the configuration reference)",
              source.fileName()));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** Every key a getter asked for so far: the keys this configuration knows. */
  public Set<String> keysRead() {
    return source.keysRead();
  }

  /** The problems recorded so far. */
  public List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  private void problem(String key, Raw raw, String rule) {
    problems.add(new ConfigProblem(key, mask(key, raw.text()), rule, raw.source()));
  }

  private String mask(String key, String value) {
    return value != null && secretKeys.contains(key) ? Secret.mask() : value;
  }

  private Raw raw(String key) {
    return source.raw(key);
  }

  private static <E extends Enum<E>> String kebab(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .toList()
        .toString();
  }
}
