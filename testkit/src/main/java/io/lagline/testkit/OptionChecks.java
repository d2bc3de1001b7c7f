package io.lagline.testkit;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the options records; each message names the option, its value and the
 * rule.
 */
public final class OptionChecks {
  private static final Pattern HEAP_SIZE = Pattern.compile("\\d+[kKmMgG]?");

  private OptionChecks() {}

  public static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }

  public static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
  }

  public static void requireHeapSize(String name, String value) {
    if (value == null || !HEAP_SIZE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " '" + value + "' must be a JVM heap size such as 512m or 1g");
    }
  }
}
