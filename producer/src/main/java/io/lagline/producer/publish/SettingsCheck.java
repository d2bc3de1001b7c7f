package io.lagline.producer.publish;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.config.Durations;
import io.lagline.config.KeyRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every broken rule of a {@link PublisherSettings}, each naming the key, the value and the
 * rule.
 */
final class SettingsCheck {
  static final String SOURCE = "settings";

  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Set<PublisherKey> broken = EnumSet.noneOf(PublisherKey.class);

  /** {@code value} must be within {@code key}'s range. */
  void range(PublisherKey key, long value) {
    KeyRule.Whole rule = (KeyRule.Whole) key.rule();
    if (!rule.allows(value)) {
      add(key, Long.toString(value), rule.mustBe());
    }
  }

  /** {@code value} must be set and within {@code key}'s range. */
  void range(PublisherKey key, Duration value) {
    KeyRule.Span rule = (KeyRule.Span) key.rule();
    if (value == null) {
      add(key, null, "is required");
    } else if (!rule.allows(value)) {
      add(
          key,
          Durations.format(value),
          "must be from " + Durations.format(rule.min()) + " to " + Durations.format(rule.max()));
    }
  }

  void notNull(PublisherKey key, Object value) {
    if (value == null) {
      add(key, null, "is required");
    }
  }

  /**
   * {@code value} must be at least {@code other}'s value; skipped when either key is already
   * reported.
   */
  void atLeast(PublisherKey key, long value, PublisherKey other, long otherValue, String why) {
    if (value < otherValue && !broken.contains(key) && !broken.contains(other)) {
      add(
          key,
          Long.toString(value),
          "must be at least " + full(other) + " (" + otherValue + "): " + why);
    }
  }

  /**
   * {@code value} must be at least {@code other}'s value; skipped when either key is already
   * reported.
   */
  void atLeast(
      PublisherKey key, Duration value, PublisherKey other, Duration otherValue, String why) {
    if (!broken.contains(key) && !broken.contains(other) && value.compareTo(otherValue) < 0) {
      add(
          key,
          Durations.format(value),
          "must be at least " + full(other) + " (" + Durations.format(otherValue) + "): " + why);
    }
  }

  /** Throws one exception naming every problem found, if any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private void add(PublisherKey key, String value, String rule) {
    broken.add(key);
    problems.add(new ConfigProblem(full(key), value, rule, SOURCE));
  }

  private static String full(PublisherKey key) {
    return key.path(PublisherSettings.DEFAULT_PREFIX);
  }
}
