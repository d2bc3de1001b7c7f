package io.lagline.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.config.ConfigSource.Raw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads one configuration tree: a YAML file overlaid with environment variables. Keys are dotted
 * kebab-case paths ({@code cassandra.contact-points}); each key's variable is the prefix plus the
 * key in upper case with dots and dashes as underscores ({@code LAGLINE_CASSANDRA_CONTACT_POINTS}),
 * and wins over the file.
 *
 * <p>Each getter reads one declared {@link ConfigKey} and checks its value against the key's {@link
 * KeyRule}. Getters never throw on a bad value: it is recorded as a {@link ConfigProblem} and the
 * default is returned, so one {@link #finish()} reports every problem at once. {@code finish()}
 * also rejects keys in the file that no getter asked for, which catches typos.
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

  /**
   * A text key: its default (often null) when unset; a problem when it is required and missing or
   * blank, or does not match its pattern.
   */
  public String string(ConfigKey key) {
    KeyRule.Text rule = rule(key, KeyRule.Text.class);
    Raw raw = raw(key.path());
    if (raw == null || (rule.required() && raw.text().isBlank())) {
      if (rule.required()) {
        required(key, raw == null ? null : raw.text());
      }
      return rule.defaultValue();
    }
    String value = raw.text().trim();
    if (rule.pattern() != null && !rule.pattern().matcher(value).matches()) {
      problem(key.path(), raw, rule.mustBe());
    }
    return value;
  }

  /** Whether {@code key} is given in the file or the environment (its default is not). */
  public boolean isSet(ConfigKey key) {
    return raw(key.path()) != null;
  }

  /** An integer key within its range; its default when unset or invalid. */
  public int integer(ConfigKey key) {
    return Math.toIntExact(longValue(key));
  }

  /** A long key within its range; its default when unset or invalid. */
  public long longValue(ConfigKey key) {
    KeyRule.Whole rule = rule(key, KeyRule.Whole.class);
    return value(key, rule.defaultValue(), ConfigValues::whole, rule::allows);
  }

  /** A decimal key within its range; its default when unset or invalid. */
  public double decimal(ConfigKey key) {
    KeyRule.Decimal rule = rule(key, KeyRule.Decimal.class);
    return value(key, rule.defaultValue(), ConfigValues::decimal, rule::allows);
  }

  /** A {@code true}/{@code false} key; its default when unset or invalid. */
  public boolean bool(ConfigKey key) {
    KeyRule.Flag rule = rule(key, KeyRule.Flag.class);
    return value(key, rule.defaultValue(), ConfigValues::bool, b -> true);
  }

  /** A duration key ({@code 250ms}, {@code 30s}, {@code 5m}, ...) within its range. */
  public Duration duration(ConfigKey key) {
    KeyRule.Span rule = rule(key, KeyRule.Span.class);
    return value(key, rule.defaultValue(), t -> Durations.parse(t).orElse(null), rule::allows);
  }

  /** A key naming one of {@code type}'s constants, in any case with '-' or '_'. */
  public <E extends Enum<E>> E enumValue(ConfigKey key, Class<E> type) {
    KeyRule.Choice<?> declared = rule(key, KeyRule.Choice.class);
    if (declared.type() != type) {
      throw new IllegalArgumentException(key.path() + " is declared as " + declared.type());
    }
    E defaultValue = type.cast(declared.defaultValue());
    Raw raw = raw(key.path());
    if (raw == null) {
      return defaultValue;
    }
    String wanted = raw.text().trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    problem(key.path(), raw, declared.mustBe());
    return defaultValue;
  }

  /**
   * A list key: a YAML sequence, or comma-separated text (the form environment variables use).
   * Empty when unset; a problem when it is required and empty.
   */
  public List<String> list(ConfigKey key) {
    KeyRule.Items rule = rule(key, KeyRule.Items.class);
    Raw raw = raw(key.path());
    List<String> values = raw == null ? List.of() : ConfigValues.items(raw);
    if (values.isEmpty() && rule.required()) {
      required(key, raw == null ? null : raw.text());
    }
    return values;
  }

  /**
   * A map key: a YAML mapping, or {@code k=v,k=v} text (the form environment variables use); {@code
   * computedDefault} when unset or invalid.
   */
  public Map<String, String> map(ConfigKey key, Map<String, String> computedDefault) {
    rule(key, KeyRule.Pairs.class);
    Raw raw = raw(key.path());
    if (raw == null) {
      return computedDefault;
    }
    Map<String, String> values = ConfigValues.pairs(raw);
    if (values == null) {
      problem(key.path(), raw, "must be a mapping, or text of the form key=value,key=value");
      return computedDefault;
    }
    return values;
  }

  /**
   * A secret key: its value (best given by environment), or the trimmed content of the file named
   * by {@code <key>-file}; null when neither is set. Its value is masked in every problem.
   */
  public Secret secret(ConfigKey key) {
    rule(key, KeyRule.Hidden.class);
    secretKeys.add(key.path());
    Raw raw = raw(key.path());
    String fileKey = ConfigKey.fileKey(key.path());
    Raw file = raw(fileKey);
    if (raw != null && file != null) {
      problem(key.path(), raw, "give either " + key.path() + " or " + fileKey + ", not both");
      return null;
    }
    if (raw != null) {
      return Secret.of(raw.text());
    }
    if (file == null) {
      return null;
    }
    try {
      return Secret.of(Files.readString(Path.of(file.text().trim())).trim());
    } catch (IOException | RuntimeException e) {
      problem(fileKey, file, "must name a readable file holding the secret");
      return null;
    }
  }

  /**
   * A path key; null when unset. A problem when it is required and unset, or must exist and does
   * not.
   */
  public Path path(ConfigKey key) {
    KeyRule.FileRef rule = rule(key, KeyRule.FileRef.class);
    Raw raw = raw(key.path());
    if (raw == null || raw.text().isBlank()) {
      if (rule.required()) {
        required(key, raw == null ? null : raw.text());
      }
      return null;
    }
    Path path = Path.of(raw.text().trim());
    if (rule.mustExist() && !Files.exists(path)) {
      problem(key.path(), raw, "must name an existing file");
    }
    return path;
  }

  /** Records a problem of {@code key} found by a rule that spans several keys. */
  public void problem(ConfigKey key, String value, String rule) {
    problem(key.path(), value, rule);
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

  /**
   * {@code key}'s value: {@code defaultValue} when unset; when {@code parse} returns null or the
   * value is not {@code allowed}, a problem stating the key's rule, and {@code defaultValue}.
   */
  private <T> T value(
      ConfigKey key, T defaultValue, Function<String, T> parse, Predicate<T> allowed) {
    Raw raw = raw(key.path());
    if (raw == null) {
      return defaultValue;
    }
    T value = parse.apply(raw.text().trim());
    if (value != null && allowed.test(value)) {
      return value;
    }
    problem(key.path(), raw, key.rule().mustBe());
    return defaultValue;
  }

  private void required(ConfigKey key, String value) {
    problem(key.path(), value, "is required: " + key.doc() + " (" + key.rule().describe() + ")");
  }

  private Raw raw(String key) {
    return source.raw(key);
  }

  private static <R extends KeyRule> R rule(ConfigKey key, Class<R> type) {
    if (!type.isInstance(key.rule())) {
      throw new IllegalArgumentException(
          key.path() + " is declared as " + key.rule() + ", not read as " + type.getSimpleName());
    }
    return type.cast(key.rule());
  }
}
