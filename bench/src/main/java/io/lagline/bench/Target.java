package io.lagline.bench;

/**
 * One of the targets and whether this run met it. A missed target is reported, never a
 * failure of the run.
 *
 * @param key the ratio's (or value's) key in summary.json
 * @param what what is compared, in words
 * @param value the measured ratio or value; NaN when a scenario it needs did not run
 * @param bound the target's bound
 * @param atMost true for "value &lt;= bound", false for "value &gt;= bound"
 */
record Target(String key, String what, double value, double bound, boolean atMost) {
  static Target atLeast(String key, String what, double value, double bound) {
    return new Target(key, what, value, bound, false);
  }

  static Target atMost(String key, String what, double value, double bound) {
    return new Target(key, what, value, bound, true);
  }

  boolean met() {
    return !Double.isNaN(value) && (atMost ? value <= bound : value >= bound);
  }

  /** {@code >= 0.8} or {@code <= 250}. */
  String rule() {
    return (atMost ? "<= " : ">= ") + Table.number(bound);
  }
}
