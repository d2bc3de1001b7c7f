package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The {@code double} and {@code float} conversions. Decimal fractions round to the nearest binary
 * value, as any JSON parser does; what is rejected is a value that changes class: overflow to
 * infinity, a non-zero value that underflows to zero, or an integer the type cannot hold exactly
 * (2^53 + 1 into a double).
 */
final class FloatingPoint {
  private FloatingPoint() {}

  static Double toDouble(JsonNode value) {
    String rule = "a finite number a double holds (in range, no underflow to 0, integers exact)";
    Double special = special(value);
    if (special != null) {
      return special;
    }
    BigDecimal number = ValueConverter.numeric(value);
    if (number == null) {
      throw new ValueConverter.Rejected(rule);
    }
    double result = number.doubleValue();
    if (Double.isInfinite(result)
        || (result == 0 && number.signum() != 0)
        || (isIntegerLiteral(value) && new BigDecimal(result).compareTo(number) != 0)) {
      throw new ValueConverter.Rejected(rule);
    }
    return result;
  }

  static Float toFloat(JsonNode value) {
    String rule = "a finite number a float holds (in range, no underflow to 0, integers exact)";
    Double special = special(value);
    if (special != null) {
      return special.floatValue();
    }
    BigDecimal number = ValueConverter.numeric(value);
    if (number == null) {
      throw new ValueConverter.Rejected(rule);
    }
    float result = number.floatValue();
    if (Float.isInfinite(result)
        || (result == 0 && number.signum() != 0)
        || (isIntegerLiteral(value) && new BigDecimal(result).compareTo(number) != 0)) {
      throw new ValueConverter.Rejected(rule);
    }
    return result;
  }

  /** NaN and the infinities, which JSON can only carry as text (as CQL writes them). */
  private static Double special(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    return switch (value.textValue()) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> null;
    };
  }

  /**
   * An integral JSON number, or text without fraction or exponent: the value must survive exactly.
   */
  private static boolean isIntegerLiteral(JsonNode value) {
    if (value.isIntegralNumber()) {
      return true;
    }
    return value.isTextual()
        && value.textValue().chars().noneMatch(c -> c == '.' || c == 'e' || c == 'E');
  }
}
