package io.lagline.config;

import java.util.List;

/**
 * One configuration key: its dotted path, the rule its value follows (type, range or form, default)
 * and one line of documentation. A deployable declares its keys once, as an enum implementing this
 * (as java-driver's {@code DefaultDriverOption} does); {@link ConfigReader} reads values by key,
 * problems name the key's path, and the configuration reference is rendered from the same
 * declarations ({@link ConfigReference}).
 */
public interface ConfigKey {
  /** The dotted kebab-case path, e.g. {@code cassandra.contact-points}. */
  String path();

  /** What the value must be, and its default. */
  KeyRule rule();

  /** What the key does, in one line of the configuration reference (Markdown). */
  String doc();

  /**
   * The environment variable that overrides this key: {@code prefix} plus the path in upper case
   * with dots and dashes as underscores, e.g. {@code LAGLINE_CASSANDRA_CONTACT_POINTS}.
   */
  default String envName(String prefix) {
    return ConfigSource.envName(prefix, path());
  }

  /** Every path this key is read from: its own, and {@code <path>-file} for a secret. */
  default List<String> paths() {
    return rule() instanceof KeyRule.Hidden ? List.of(path(), fileKey(path())) : List.of(path());
  }

  /** This key below {@code prefix}: {@code batch.delay} under {@code publisher}. */
  default ConfigKey under(String prefix) {
    return prefix.isEmpty() ? this : of(prefix + "." + path(), rule(), doc());
  }

  /** A key declared in place: for tests and tools. A deployable declares its keys in an enum. */
  static ConfigKey of(String path, KeyRule rule, String doc) {
    return new DeclaredKey(path, rule, doc);
  }

  /** The key naming the file that holds a secret's value. */
  static String fileKey(String path) {
    return path + "-file";
  }
}
