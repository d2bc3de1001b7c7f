package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lagline.error.LaglineException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The conversions behind {@link CqlType#convert}: one method per family of types. Each returns the
 * driver's Java type or throws {@link Rejected} with what the value must be; the caller adds what
 * it was.
 */
final class ValueConverter {
  /** Longest numeric text accepted, in characters; Jackson's own limit for JSON numbers. */
  static final int MAX_NUMBER_LENGTH = 1000;

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1," + MAX_NUMBER_LENGTH + "}");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]{1,9})?");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DATE_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]{2,45}");
  private static final int SHOWN_CHARACTERS = 64;

  /** A value that breaks its type's rule; the message is the rule ("an integer from 0 to 9"). */
  static final class Rejected extends LaglineException {
    private static final long serialVersionUID = 1L;

    Rejected(String rule) {
      super(rule);
    }
  }

  private ValueConverter() {}

  static Object convert(CqlType type, JsonNode value) {
    return switch (type) {
      case TEXT, VARCHAR -> text(value);
      case ASCII -> ascii(value);
      case INT -> integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
      case BIGINT -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE).longValue();
      case SMALLINT -> integer(value, Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
      case TINYINT -> integer(value, Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue();
      case VARINT -> varint(value);
      case BOOLEAN -> bool(value);
      case DOUBLE -> FloatingPoint.toDouble(value);
      case FLOAT -> FloatingPoint.toFloat(value);
      case DECIMAL -> decimal(value);
      case TIMESTAMP -> timestamp(value);
      case DATE -> date(value);
      case UUID -> uuid(value, false);
      case TIMEUUID -> uuid(value, true);
      case INET -> inet(value);
      case BLOB -> blob(value);
    };
  }

  /** The value as an error message shows it: its JSON type and (abbreviated) text. */
  static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "string " + quoted(value.textValue());
      case NUMBER, BOOLEAN -> value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + value;
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isContainerNode()) {
      return value.toString();
    }
    throw new Rejected("a JSON string (or an object or array, stored as its JSON text)");
  }

  private static String ascii(JsonNode value) {
    String rule = "a JSON string of US-ASCII characters";
    if (!value.isTextual() && !value.isContainerNode()) {
      throw new Rejected(rule);
    }
    String text = text(value);
    if (!text.chars().allMatch(c -> c < 0x80)) {
      throw new Rejected(rule);
    }
    return text;
  }

  private static BigInteger integer(JsonNode value, long min, long max) {
    BigInteger integer = integral(value);
    if (integer == null
        || integer.compareTo(BigInteger.valueOf(min)) < 0
        || integer.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new Rejected("an integer from " + min + " to " + max);
    }
    return integer;
  }

  private static BigInteger varint(JsonNode value) {
    BigInteger integer = integral(value);
    if (integer == null) {
      throw new Rejected("an integer of at most " + MAX_NUMBER_LENGTH + " digits");
    }
    return integer;
  }

  /**
   * An integer from an integral number, a number without fraction (3.0), or integer text; else
   * null.
   */
  static BigInteger integral(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue();
    }
    BigDecimal number = value.isNumber() ? numeric(value) : null;
    if (number != null && number.precision() - number.scale() <= MAX_NUMBER_LENGTH) {
      try {
        return number.toBigIntegerExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (value.isTextual() && INTEGER.matcher(value.textValue()).matches()) {
      return new BigInteger(value.textValue());
    }
    return null;
  }

  /** The exact value of a finite JSON number or of numeric text (JSON number syntax); else null. */
  static BigDecimal numeric(JsonNode value) {
    if (value.isNumber()) {
      boolean binary = value.isDouble() || value.isFloat();
      return binary && !Double.isFinite(value.doubleValue()) ? null : value.decimalValue();
    }
    if (value.isTextual()) {
      String text = value.textValue();
      if (text.length() <= MAX_NUMBER_LENGTH && NUMBER.matcher(text).matches()) {
        return new BigDecimal(text);
      }
    }
    return null;
  }

  private static BigDecimal decimal(JsonNode value) {
    BigDecimal number = numeric(value);
    if (number == null) {
      throw new Rejected("a decimal number (a JSON number or numeric text)");
    }
    return number;
  }

  private static Boolean bool(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()
        && (value.textValue().equals("true") || value.textValue().equals("false"))) {
      return Boolean.valueOf(value.textValue());
    }
    throw new Rejected("true or false");
  }

  private static Instant timestamp(JsonNode value) {
    String rule =
        "an RFC 3339 timestamp with an offset (e.g. 2026-11-23T06:30:00Z) or epoch milliseconds";
    try {
      if (value.isTextual() && !INTEGER.matcher(value.textValue()).matches()) {
        Instant instant =
            OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
        instant.toEpochMilli(); // Cassandra stores signed 64-bit milliseconds
        return instant.truncatedTo(ChronoUnit.MILLIS);
      }
      BigInteger millis = integral(value);
      if (millis != null) {
        return Instant.ofEpochMilli(millis.longValueExact());
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      // reported below
    }
    throw new Rejected(rule);
  }

  private static LocalDate date(JsonNode value) {
    if (value.isTextual() && DATE_TEXT.matcher(value.textValue()).matches()) {
      try {
        return LocalDate.parse(value.textValue());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new Rejected("a date YYYY-MM-DD");
  }

  private static UUID uuid(JsonNode value, boolean timeBased) {
    if (value.isTextual() && UUID_TEXT.matcher(value.textValue()).matches()) {
      UUID uuid = UUID.fromString(value.textValue());
      if (!timeBased || uuid.version() == 1) {
        return uuid;
      }
    }
    throw new Rejected(
        timeBased ? "a version 1 (time-based) UUID" : "a UUID (8-4-4-4-12 hex digits)");
  }

  private static InetAddress inet(JsonNode value) {
    String rule = "an IPv4 or IPv6 address literal";
    if (!value.isTextual()) {
      throw new Rejected(rule);
    }
    String text = value.textValue();
    try {
      if (IPV4.matcher(text).matches()) {
        String[] octets = text.split("\\.");
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
          address[i] = (byte) Integer.parseInt(octets[i]);
        }
        return InetAddress.getByAddress(address);
      }
      // a literal of only hex digits, ':' and '.' with a ':' is parsed, never looked up in DNS
      if (text.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(text).matches()) {
        return InetAddress.getByName(text);
      }
    } catch (UnknownHostException e) {
      // reported below
    }
    throw new Rejected(rule);
  }

  private static ByteBuffer blob(JsonNode value) {
    if (value.isTextual()) {
      try {
        return ByteBuffer.wrap(Base64.getDecoder().decode(value.textValue()));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new Rejected("base64 text (RFC 4648, standard alphabet)");
  }

  private static String quoted(String text) {
    if (text.length() <= SHOWN_CHARACTERS) {
      return TextNode.valueOf(text).toString();
    }
    return TextNode.valueOf(text.substring(0, SHOWN_CHARACTERS))
        + "... ("
        + text.length()
        + " characters)";
  }
}
