package io.lagline.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the value of a {@link ConfigKey} must be: its type, its range or form, and its default. The
 * same rule validates a value ({@link ConfigReader}) and documents it ({@link ConfigReference}), so
 * the two cannot disagree.
 */
public sealed interface KeyRule {
  /** What a value must be, e.g. {@code an integer from 1 to 64}. */
  String describe();

  /** The default as the reference shows it: the value, {@code required}, or what unset means. */
  String defaultText();

  /** The rule as a problem states it: {@code must be an integer from 1 to 64}. */
  default String mustBe() {
    return "must be " + describe();
  }

  /** A whole number within {@code [min, max]}. */
  static Whole integer(long defaultValue, long min, long max) {
    return new Whole(defaultValue, min, max);
  }

  /** A decimal number within {@code [min, max]}. */
  static Decimal decimal(double defaultValue, double min, double max) {
    return new Decimal(defaultValue, min, max, false);
  }

  /** A decimal number within {@code (min, max]}. */
  static Decimal decimalAbove(double defaultValue, double min, double max) {
    return new Decimal(defaultValue, min, max, true);
  }

  /** A duration ({@code 250ms}, {@code 30s}, {@code 5m}, ...) within {@code [min, max]}. */
  static Span duration(Duration defaultValue, Duration min, Duration max) {
    return new Span(defaultValue, min, max);
  }

  /** {@code true} or {@code false}. */
  static Flag flag(boolean defaultValue) {
    return new Flag(defaultValue);
  }

  /** One of an enum's constants, written in kebab case ({@code local-quorum}). */
  static <E extends Enum<E>> Choice<E> choice(E defaultValue) {
    return new Choice<>(defaultValue.getDeclaringClass(), defaultValue);
  }

  /** Optional text of the given form; unset means {@code none}. */
  static Text text(String form) {
    return new Text(false, null, form, null, "none");
  }

  /** Optional text that must match {@code pattern}, described as {@code form}. */
  static Text text(Pattern pattern, String form) {
    return new Text(false, pattern, form, null, "none");
  }

  /** Required text that must match {@code pattern} (when not null), described as {@code form}. */
  static Text requiredText(Pattern pattern, String form) {
    return new Text(true, pattern, form, null, "required");
  }

  /** An optional list, from a YAML sequence or comma-separated text. */
  static Items list(String form) {
    return new Items(false, form, "none");
  }

  /** A list of at least one item, from a YAML sequence or comma-separated text. */
  static Items requiredList(String form) {
    return new Items(true, form, "required");
  }

  /** A map of strings whose default is computed from other keys, as {@code defaultText} says. */
  static Pairs map(String form, String defaultText) {
    return new Pairs(form, defaultText);
  }

  /** An optional file path; unset means {@code none}. */
  static FileRef file(boolean mustExist) {
    return new FileRef(false, mustExist, "none");
  }

  /** A required file path. */
  static FileRef requiredFile(boolean mustExist) {
    return new FileRef(true, mustExist, "required");
  }

  /** A secret: its value by environment, or the content of the file named by {@code <key>-file}. */
  static Hidden secret() {
    return new Hidden();
  }

  /** A whole number within {@code [min, max]}. */
  record Whole(long defaultValue, long min, long max) implements KeyRule {
    @Override
    public String describe() {
      return max == Long.MAX_VALUE
          ? "an integer of at least " + min
          : "an integer from " + min + " to " + max;
    }

    @Override
    public String defaultText() {
      return Long.toString(defaultValue);
    }

    /** Whether {@code value} is within the range. */
    public boolean allows(long value) {
      return value >= min && value <= max;
    }
  }

  /** A decimal number within {@code [min, max]}, or {@code (min, max]} when {@code aboveMin}. */
  record Decimal(double defaultValue, double min, double max, boolean aboveMin) implements KeyRule {
    @Override
    public String describe() {
      return aboveMin
          ? "a number greater than " + plain(min) + " and at most " + plain(max)
          : "a number from " + plain(min) + " to " + plain(max);
    }

    @Override
    public String defaultText() {
      return plain(defaultValue);
    }

    /** Whether {@code value} is within the range. */
    public boolean allows(double value) {
      return (aboveMin ? value > min : value >= min) && value <= max;
    }

    private static String plain(double value) {
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }

  /** A duration within {@code [min, max]}. */
  record Span(Duration defaultValue, Duration min, Duration max) implements KeyRule {
    @Override
    public String describe() {
      return "a duration from " + Durations.format(min) + " to " + Durations.format(max);
    }

    @Override
    public String mustBe() {
      return "must be a duration such as 250ms, 30s or 5m, from "
          + Durations.format(min)
          + " to "
          + Durations.format(max);
    }

    @Override
    public String defaultText() {
      return Durations.format(defaultValue);
    }

    /** Whether {@code value} is within the range. */
    public boolean allows(Duration value) {
      return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }
  }

  /** {@code true} or {@code false}. */
  record Flag(boolean defaultValue) implements KeyRule {
    @Override
    public String describe() {
      return "true or false";
    }

    @Override
    public String defaultText() {
      return Boolean.toString(defaultValue);
    }
  }

  /** One of {@code type}'s constants, written in any case with '-' or '_'. */
  record Choice<E extends Enum<E>>(Class<E> type, E defaultValue) implements KeyRule {
    @Override
    public String describe() {
      return "one of "
          + Arrays.stream(type.getEnumConstants()).map(Choice::kebab).toList().toString();
    }

    @Override
    public String defaultText() {
      return kebab(defaultValue);
    }

    /** How a constant is written in configuration: {@code LOCAL_QUORUM} is {@code local-quorum}. */
    public static String kebab(Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Text of a form ({@code pattern}, when not null, checks it).
   *
   * @param defaultValue the value when unset, or null
   * @param unset what the reference says when the key is unset and has no default, e.g. {@code
   *     none}
   */
  record Text(boolean required, Pattern pattern, String form, String defaultValue, String unset)
      implements KeyRule {
    /** This rule, with {@code value} as the default. */
    public Text withDefault(String value) {
      return new Text(required, pattern, form, value, unset);
    }

    /** This rule, documenting what leaving the key unset means. */
    public Text unsetMeans(String text) {
      return new Text(required, pattern, form, defaultValue, text);
    }

    @Override
    public String describe() {
      return form;
    }

    @Override
    public String defaultText() {
      return required ? "required" : defaultValue != null ? defaultValue : unset;
    }
  }

  /** A list of strings, each of {@code form}. */
  record Items(boolean required, String form, String unset) implements KeyRule {
    /** The same rule, documented with what an unset (empty) list means. */
    public Items unsetMeans(String text) {
      return new Items(required, form, text);
    }

    @Override
    public String describe() {
      return "a list of " + form;
    }

    @Override
    public String defaultText() {
      return unset;
    }
  }

  /** A map of strings; its default depends on other keys, as {@code defaultText} says. */
  record Pairs(String form, String defaultText) implements KeyRule {
    @Override
    public String describe() {
      return form;
    }
  }

  /** A file path; {@code mustExist} checks the file is there. */
  record FileRef(boolean required, boolean mustExist, String unset) implements KeyRule {
    /** This rule, documenting what leaving the key unset means. */
    public FileRef unsetMeans(String text) {
      return new FileRef(required, mustExist, text);
    }

    @Override
    public String describe() {
      return mustExist ? "the path of an existing file" : "a file path";
    }

    @Override
    public String defaultText() {
      return required ? "required" : unset;
    }
  }

  /** A secret, masked in every message; given by environment or in the file {@code <key>-file}. */
  record Hidden() implements KeyRule {
    @Override
    public String describe() {
      return "a secret, by environment variable or in the file named by the -file key";
    }

    @Override
    public String defaultText() {
      return "none";
    }
  }
}
