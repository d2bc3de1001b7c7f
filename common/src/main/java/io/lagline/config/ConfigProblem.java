package io.lagline.config;

/**
 * One configuration value that breaks a rule.
 *
 * @param key the dotted config key, e.g. {@code cassandra.contact-points}
 * @param value the offending value as given (already masked for secrets), or {@code null} when
 *     missing
 * @param rule what the value must be
 * @param source where the value came from: the file, an environment variable, or "default"
 */
public record ConfigProblem(String key, String value, String rule, String source) {
  @Override
  public String toString() {
    String shown = value == null ? "(missing)" : "'" + value + "'";
    return key + " = " + shown + " [" + source + "]: " + rule;
  }
}
