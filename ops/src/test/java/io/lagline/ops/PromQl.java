package io.lagline.ops;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL handling for the checks: the metric names a query selects and Grafana's
 * variable substitution. Names are recognized by this project's prefixes ({@code lagline_}, {@code
 * jvm_}, {@code process_}) plus {@code up}, outside string literals; no label used here has such a
 * name.
 */
final class PromQl {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern METRIC =
      Pattern.compile("(?<![\\w:$.])((?:lagline|jvm|process)_[a-zA-Z0-9_:]*|up)(?![\\w:])");
  private static final Pattern SELECTOR =
      Pattern.compile("(?<![\\w:$.])((?:lagline|jvm|process)_[a-zA-Z0-9_:]*|up)(\\{[^}]*})?");

  private PromQl() {}

  /** The metric names {@code expr} selects, in order of appearance. */
  static Set<String> metricNames(String expr) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = METRIC.matcher(STRING.matcher(expr).replaceAll("\"\""));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * Each selector of a metric in {@code expr}, with its label matchers ({@code name{...}} or just
   * {@code name}).
   */
  static Set<String> selectors(String expr) {
    Set<String> selectors = new LinkedHashSet<>();
    Matcher matcher = SELECTOR.matcher(expr);
    while (matcher.find()) {
      if (metricNames(matcher.group()).contains(matcher.group(1))) {
        selectors.add(matcher.group());
      }
    }
    return selectors;
  }

  /**
   * Replaces Grafana variables ({@code $name} and {@code ${name}}) with the given values; longer
   * names first, so {@code $__rate_interval} is not taken for a shorter one.
   */
  static String substitute(String expr, Map<String, String> values) {
    String result = expr;
    for (String name :
        values.keySet().stream()
            .sorted((a, b) -> Integer.compare(b.length(), a.length()))
            .toList()) {
      result =
          result.replace("${" + name + "}", values.get(name)).replace("$" + name, values.get(name));
    }
    return result;
  }
}
