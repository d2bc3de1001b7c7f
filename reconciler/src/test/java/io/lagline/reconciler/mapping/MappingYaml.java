package io.lagline.reconciler.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.config.ConfigException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds small mapping documents in YAML flow style, and asserts how the loader rejects them. */
final class MappingYaml {
  static final String SOURCE = "rules.yaml";
  static final String KEY = "device_id: {from: entity_key, type: text}";
  static final String STEPS = "steps: {from: payload.steps, type: int}";

  private MappingYaml() {}

  /** An upsert-if-newer write to device_state keyed by device_id, with these columns. */
  static String state(String columns) {
    return write("device_state", "upsert-if-newer", "[device_id]", columns);
  }

  static String write(String table, String mode, String partitionKey, String columns) {
    return "{table: "
        + table
        + ", mode: "
        + mode
        + ", partition-key: "
        + partitionKey
        + ", columns: {"
        + columns
        + "}}";
  }

  static String event(String type, String... writes) {
    return "{event-type: "
        + type
        + ", schema-versions: [1], writes: ["
        + String.join(", ", writes)
        + "]}";
  }

  static String mapping(String... events) {
    return "events:\n"
        + Arrays.stream(events).map(e -> "  - " + e + "\n").collect(Collectors.joining());
  }

  /** A mapping of one event type with one write. */
  static String one(String write) {
    return mapping(event("DeviceSynced", write));
  }

  /**
   * Asserts that loading fails with a problem at {@code key} showing {@code value} and breaking
   * {@code rule}.
   */
  static void assertRejected(String yaml, String key, String value, String rule) {
    assertThatThrownBy(() -> MappingLoader.parse(yaml, SOURCE))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .as("problems of:%n%s%n%s", yaml, e.getMessage())
                    .filteredOn(p -> p.key().equals(key))
                    .anySatisfy(
                        p -> {
                          assertThat(p.value()).isEqualTo(value);
                          assertThat(p.rule()).contains(rule);
                          assertThat(p.source()).isEqualTo(SOURCE);
                        }))
        .hasMessageContaining(key)
        .hasMessageContaining(rule);
  }
}
