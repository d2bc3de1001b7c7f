package io.lagline.testkit;

import java.util.Map;
import java.util.Optional;

/**
 * Where the testkit reads its switches. {@link #system()} looks at a JVM system property of the
 * variable's exact name first (so {@code -DLAGLINE_KEEP_LOGS=true} works from Maven), then at the
 * environment. Blank values count as unset. Tests pass a map.
 */
@FunctionalInterface
public interface Environment {
  String STACK_MODE = "LAGLINE_STACK_MODE";
  String KEEP_LOGS = "LAGLINE_KEEP_LOGS";
  String PUBSUB_EMULATOR_HOST = "PUBSUB_EMULATOR_HOST";
  String PUBSUB_EMULATOR_BIN = "PUBSUB_EMULATOR_BIN";
  String CASSANDRA_CONTACT_POINTS = "CASSANDRA_CONTACT_POINTS";
  String CASSANDRA_LOCAL_DATACENTER = "CASSANDRA_LOCAL_DATACENTER";

  /** The raw value, absent when unset or blank. */
  Optional<String> get(String name);

  /** True when the variable is set to anything but {@code false}, {@code 0} or {@code no}. */
  default boolean isSet(String name) {
    return get(name)
        .map(v -> !(v.equalsIgnoreCase("false") || v.equals("0") || v.equalsIgnoreCase("no")))
        .orElse(false);
  }

  static Environment system() {
    return name ->
        Optional.ofNullable(System.getProperty(name))
            .or(() -> Optional.ofNullable(System.getenv(name)))
            .map(String::trim)
            .filter(v -> !v.isEmpty());
  }

  static Environment of(Map<String, String> values) {
    return name ->
        Optional.ofNullable(values.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
