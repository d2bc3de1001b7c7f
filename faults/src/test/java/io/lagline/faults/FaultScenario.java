package io.lagline.faults;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The suite's scenarios: each has a letter (its order in the table) and a short name, and either
 * selects it in {@value #PROPERTY} and in {@code bin/faults --scenario}. The single-node scenarios
 * come first, then those {@link #cluster()} runs on three nodes. The id (letter and name) names the
 * scenario's topic, subscriptions, keyspace and log folder.
 */
enum FaultScenario {
  A("duplicates", "a. duplicates + shuffle"),
  B("kill9", "b. kill -9 mid-stream"),
  C("cassandra-down", "c. Cassandra down"),
  D("slow-link", "d. cross-cloud link"),
  E("replicas", "e. 3 replicas, one killed"),
  F("ordered", "f. ordering keys + poison"),
  G("sigterm", "g. SIGTERM mid-stream"),
  H("freeze-cassandra", "h. Cassandra frozen"),
  I("freeze-emulator", "i. emulator frozen"),
  J("large-messages", "j. large messages"),
  K("stock-emulator", "k. stock emulator"),
  L("reconciled", "l. kill -9, reconciled stream"),
  R("rebuild-restore", "r. restore, rebuild from the watermark"),
  S("rebuild-backfill", "s. new table backfilled"),
  T("rebuild-kill9", "t. rebuild killed half way"),
  M("node-kill9", "m. cluster: 1 of 3 nodes killed", true),
  N("node-freeze", "n. cluster: 1 of 3 nodes frozen", true),
  O("two-down", "o. cluster: 2 of 3 nodes down", true),
  P("coordinator-cut", "p. cluster: coordinator cut off", true),
  Q("remote-dc", "q. 2 data centers: remote one frozen", true);

  /**
   * System property selecting the scenarios to run: names or letters separated by commas or spaces;
   * empty or {@code all} runs every one.
   */
  static final String PROPERTY = "faults.scenarios";

  /** What runs when {@value #PROPERTY} is unset: the module's pom sets it for {@code verify}. */
  static final String DEFAULT_PROPERTY = "faults.default-scenarios";

  private final String shortName;
  private final String title;
  private final boolean cluster;

  FaultScenario(String shortName, String title) {
    this(shortName, title, false);
  }

  FaultScenario(String shortName, String title, boolean cluster) {
    this.shortName = shortName;
    this.title = title;
    this.cluster = cluster;
  }

  /**
   * Runs on a cluster of three Cassandra nodes ({@code ClusterSuiteIT}, {@code bin/faults
   * --cluster}) rather than on one ({@code FaultSuiteIT}).
   */
  boolean cluster() {
    return cluster;
  }

  /** {@code a}, {@code b}, ... */
  String letter() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** e.g. {@code freeze-cassandra}. */
  String shortName() {
    return shortName;
  }

  /** The table's scenario column. */
  String title() {
    return title;
  }

  /** Topic, subscription, keyspace and log folder name, e.g. {@code h_freeze_cassandra}. */
  String id() {
    return letter() + "_" + shortName.replace('-', '_');
  }

  /**
   * The scenarios {@value #PROPERTY} selects; when it is unset, {@value #DEFAULT_PROPERTY}; when
   * both are, every one.
   */
  static Set<FaultScenario> selected() {
    return parse(System.getProperty(PROPERTY, System.getProperty(DEFAULT_PROPERTY, "")));
  }

  /**
   * The scenarios a selection names.
   *
   * @throws IllegalArgumentException naming every unknown name and the valid ones
   */
  static Set<FaultScenario> parse(String selection) {
    String trimmed = selection.trim();
    if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("all")) {
      return EnumSet.allOf(FaultScenario.class);
    }
    Set<FaultScenario> chosen = EnumSet.noneOf(FaultScenario.class);
    Set<String> unknown = new java.util.TreeSet<>();
    for (String name : trimmed.split("[,\\s]+")) {
      Arrays.stream(values())
          .filter(s -> s.letter().equalsIgnoreCase(name) || s.shortName.equalsIgnoreCase(name))
          .findFirst()
          .ifPresentOrElse(chosen::add, () -> unknown.add(name));
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          PROPERTY
              + " has unknown scenario(s) "
              + unknown
              + " in '"
              + selection
              + "'; valid: "
              + validNames());
    }
    return chosen;
  }

  /** {@code a|duplicates, b|kill9, ...}. */
  static String validNames() {
    return Arrays.stream(values())
        .map(s -> s.letter() + "|" + s.shortName)
        .collect(Collectors.joining(", "));
  }
}
