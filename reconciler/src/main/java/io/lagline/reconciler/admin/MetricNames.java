package io.lagline.reconciler.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The metric families a {@code /metrics} request asks for with Prometheus' {@code name[]} query
 * parameters ({@code ?name[]=lagline_reconciler_events_total&name[]=...}), as the Prometheus client
 * libraries' exporters accept them. A counter may be named with or without its {@code _total}.
 */
final class MetricNames {
  private static final String PARAMETER = "name[]";

  private MetricNames() {}

  /** The names requested by a raw query string; empty for the whole page. */
  static Set<String> requested(String rawQuery) {
    Set<String> names = new LinkedHashSet<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return names;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (key.equals(PARAMETER) && !value.isEmpty()) {
        names.add(value);
        // the registry filters on family names, which for counters carry no _total
        if (value.endsWith("_total")) {
          names.add(value.substring(0, value.length() - "_total".length()));
        }
      }
    }
    return names;
  }
}
