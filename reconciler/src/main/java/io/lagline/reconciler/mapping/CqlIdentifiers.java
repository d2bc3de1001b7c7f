package io.lagline.reconciler.mapping;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule for the keyspace, table and column names Lagline writes into CQL: lower-case unquoted
 * identifiers that are not reserved words, so the DDL and statements never need quoting.
 */
public final class CqlIdentifiers {
  /**
   * Lower case letter, then at most 47 lower case letters, digits or underscores (Cassandra's 48).
   */
  public static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  /**
   * Cassandra's reserved keywords (ReservedKeywords of Cassandra 5), plus {@code key}, lower case.
   */
  public static final Set<String> RESERVED =
      Stream.of(
              "add allow alter and apply asc authorize batch begin by columnfamily create default delete desc",
              "describe drop entries execute for from full grant if in index infinity insert into is key",
              "keyspace limit materialized mbean mbeans modify nan norecursive not null of on or order",
              "primary rename replace restrict revoke schema select set table to token truncate unlogged",
              "unrestrict unset update use using view where with")
          .flatMap(line -> Stream.of(line.split(" ")))
          .map(word -> word.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());

  private CqlIdentifiers() {}

  /** What is wrong with {@code name} as an identifier, or null when it is a valid one. */
  public static String problem(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      return "must be a lower-case CQL identifier: a letter a-z, then at most 47 of a-z, 0-9 or '_'";
    }
    if (RESERVED.contains(name)) {
      return "is a reserved CQL word; pick another name";
    }
    return null;
  }

  /** Whether {@code name} is a valid identifier. */
  public static boolean isValid(String name) {
    return problem(name) == null;
  }
}
