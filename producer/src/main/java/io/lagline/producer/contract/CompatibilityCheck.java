package io.lagline.producer.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Compares the contracts of the working tree with those published at a ref (docs/CONTRACT.md,
 * "Changing a contract"): a published version must not change other than cosmetically nor go away,
 * versions run 1, 2, ... N without a gap, and each new version is backward compatible with the one
 * before it ({@link SchemaCompatibility}). Pure.
 */
public final class CompatibilityCheck {
  private CompatibilityCheck() {}

  /**
   * What the comparison found.
   *
   * @param problems every problem, by event type then version
   * @param types event types in the working tree
   * @param versions schema versions in the working tree
   * @param added versions in the working tree that were not published
   */
  public record Report(List<Problem> problems, int types, int versions, int added) {
    public Report {
      problems = List.copyOf(problems);
    }

    /** Whether the change keeps every rule. */
    public boolean compatible() {
      return problems.isEmpty();
    }
  }

  /** The problems of {@code current} against what was {@code published}. */
  public static Report run(ContractSet published, ContractSet current) {
    List<Problem> problems = new ArrayList<>();
    int added = 0;
    TreeSet<String> types = new TreeSet<>(published.schemas().keySet());
    types.addAll(current.schemas().keySet());
    for (String type : types) {
      SortedMap<Integer, JsonNode> was = published.versions(type);
      SortedMap<Integer, JsonNode> is = current.versions(type);
      int highest = Math.max(was.isEmpty() ? 0 : was.lastKey(), is.isEmpty() ? 0 : is.lastKey());
      for (int version = 1; version <= highest; version++) {
        JsonNode before = was.get(version);
        JsonNode after = is.get(version);
        if (before != null && after == null) {
          problems.add(removed(type, version, published, current));
        } else if (before != null) {
          problems.addAll(changed(type, version, before, after));
        } else if (after != null) {
          added++;
          JsonNode previous = is.get(version - 1);
          if (previous != null) {
            problems.addAll(SchemaCompatibility.check(type, version, previous, after));
          }
        } else if (!is.isEmpty() && version < is.lastKey()) {
          problems.add(gap(type, version, is.lastKey()));
        }
      }
    }
    return new Report(problems, current.schemas().size(), current.size(), added);
  }

  private static Problem removed(
      String type, int version, ContractSet published, ContractSet current) {
    return new Problem(
        type,
        version,
        "",
        "published at " + published.origin() + ", missing from " + current.origin(),
        Rule.PUBLISHED_VERSION_REMOVED);
  }

  private static List<Problem> changed(String type, int version, JsonNode before, JsonNode after) {
    return SchemaTrees.differences(
            SchemaTrees.withoutAnnotations(before), SchemaTrees.withoutAnnotations(after))
        .stream()
        .map(
            d ->
                new Problem(
                    type,
                    version,
                    d.pointer(),
                    "published version changed in place: " + d.message(),
                    Rule.PUBLISHED_VERSION_CHANGED))
        .toList();
  }

  private static Problem gap(String type, int version, int highest) {
    return new Problem(
        type,
        version,
        "",
        "missing: versions must run 1, 2, ... without a gap up to v" + highest,
        Rule.VERSION_GAP);
  }
}
