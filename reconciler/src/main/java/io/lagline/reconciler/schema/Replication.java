package io.lagline.reconciler.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of a keyspace's replication map: a {@code class} of SimpleStrategy (with {@code
 * replication_factor}) or NetworkTopologyStrategy (with at least one datacenter of a positive
 * factor).
 */
final class Replication {
  static final String CLASS = "class";
  static final String REPLICATION_FACTOR = "replication_factor";
  static final String SIMPLE = "SimpleStrategy";
  static final String NETWORK_TOPOLOGY = "NetworkTopologyStrategy";

  private static final String PACKAGE = "org.apache.cassandra.locator.";
  private static final Pattern FACTOR = Pattern.compile("[0-9]{1,4}");

  /** One broken rule: the offending entry ({@code key=value}, or the whole map) and the rule. */
  record Problem(String value, String rule) {}

  private Replication() {}

  static List<Problem> problems(Map<String, String> replication) {
    List<Problem> problems = new ArrayList<>();
    if (replication == null || replication.isEmpty()) {
      problems.add(new Problem(null, "is required: e.g. class=NetworkTopologyStrategy,dc1=3"));
      return problems;
    }
    String strategy = replication.get(CLASS);
    if (strategy == null || strategy.isBlank()) {
      problems.add(
          new Problem(
              replication.toString(),
              "must name the class: " + SIMPLE + " or " + NETWORK_TOPOLOGY));
    } else if (isStrategy(strategy, SIMPLE)) {
      simple(replication, problems);
    } else if (isStrategy(strategy, NETWORK_TOPOLOGY)) {
      networkTopology(replication, problems);
    } else {
      problems.add(
          new Problem(CLASS + "=" + strategy, "must be " + SIMPLE + " or " + NETWORK_TOPOLOGY));
    }
    return problems;
  }

  /** The entries as the DDL lists them: the class first, then the others sorted by name. */
  static List<Map.Entry<String, String>> ordered(Map<String, String> replication) {
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    entries.add(Map.entry(CLASS, replication.get(CLASS)));
    replication.entrySet().stream()
        .filter(e -> !e.getKey().equals(CLASS))
        .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
    return entries;
  }

  private static void simple(Map<String, String> replication, List<Problem> problems) {
    String factor = replication.get(REPLICATION_FACTOR);
    if (factor == null || !isPositive(factor)) {
      problems.add(
          new Problem(
              REPLICATION_FACTOR + "=" + factor,
              SIMPLE + " needs replication_factor, a positive integer (at most 9999)"));
    }
    replication.keySet().stream()
        .filter(k -> !k.equals(CLASS) && !k.equals(REPLICATION_FACTOR))
        .forEach(
            k ->
                problems.add(
                    new Problem(
                        k + "=" + replication.get(k),
                        SIMPLE + " takes only class and replication_factor")));
  }

  private static void networkTopology(Map<String, String> replication, List<Problem> problems) {
    boolean anyPositive = false;
    for (Map.Entry<String, String> entry : replication.entrySet()) {
      if (entry.getKey().equals(CLASS)) {
        continue;
      }
      String value = entry.getValue();
      if (entry.getKey().isBlank()) {
        problems.add(
            new Problem(entry.getKey() + "=" + value, "a datacenter name must not be blank"));
      } else if (value == null || !FACTOR.matcher(value).matches()) {
        problems.add(
            new Problem(
                entry.getKey() + "=" + value,
                "a datacenter's replication factor must be a non-negative integer (at most 9999)"));
      } else if (Integer.parseInt(value) > 0) {
        anyPositive = true;
      }
    }
    if (!anyPositive) {
      problems.add(
          new Problem(
              replication.toString(),
              NETWORK_TOPOLOGY
                  + " needs at least one datacenter with a positive replication factor, e.g. dc1=3"));
    }
  }

  private static boolean isStrategy(String strategy, String name) {
    return strategy.equals(name) || strategy.equals(PACKAGE + name);
  }

  private static boolean isPositive(String factor) {
    return FACTOR.matcher(factor).matches() && Integer.parseInt(factor) > 0;
  }
}
