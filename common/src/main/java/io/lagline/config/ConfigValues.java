package io.lagline.config;

import io.lagline.config.ConfigSource.Raw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses raw configuration values; each parser returns null for text it cannot read. */
final class ConfigValues {
  private ConfigValues() {}

  static Long whole(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Double decimal(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Boolean bool(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false") ? Boolean.valueOf(lower) : null;
  }

  /** A YAML sequence, or comma-separated text (the form environment variables use). */
  static List<String> items(Raw raw) {
    if (raw.node() != null && raw.node().isArray()) {
      List<String> items = new ArrayList<>();
      raw.node().forEach(n -> items.add(n.asText().trim()));
      return List.copyOf(items);
    }
    return Arrays.stream(raw.text().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** A YAML mapping, or {@code k=v,k=v} text (the form environment variables use). */
  static Map<String, String> pairs(Raw raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw.node() != null && raw.node().isObject()) {
      raw.node().properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
      return values;
    }
    for (String pair : raw.text().split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return null;
      }
      values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return values;
  }
}
