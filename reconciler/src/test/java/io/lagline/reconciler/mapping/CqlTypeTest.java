package io.lagline.reconciler.mapping;

import static io.lagline.reconciler.mapping.CqlType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.lagline.event.EventCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CqlTypeTest {
  static Stream<Arguments> accepted() throws Exception {
    return Stream.of(
        arguments(TEXT, "\"abc\"", "abc"),
        arguments(TEXT, "{\"a\": [1, true]}", "{\"a\":[1,true]}"),
        arguments(TEXT, "[1,2]", "[1,2]"),
        arguments(VARCHAR, "\"\u00e9t\u00e9\"", "\u00e9t\u00e9"),
        arguments(ASCII, "\"plain\"", "plain"),
        arguments(INT, "42", 42),
        arguments(INT, "-2147483648", Integer.MIN_VALUE),
        arguments(INT, "2147483647", Integer.MAX_VALUE),
        arguments(INT, "3.0", 3),
        arguments(INT, "\"-17\"", -17),
        arguments(BIGINT, "9223372036854775807", Long.MAX_VALUE),
        arguments(BIGINT, "\"-5\"", -5L),
        arguments(SMALLINT, "32767", (short) 32767),
        arguments(SMALLINT, "-32768", (short) -32768),
        arguments(TINYINT, "-128", (byte) -128),
        arguments(TINYINT, "\"127\"", (byte) 127),
        arguments(
            VARINT,
            "123456789012345678901234567890",
            new BigInteger("123456789012345678901234567890")),
        arguments(VARINT, "\"-12\"", BigInteger.valueOf(-12)),
        arguments(BOOLEAN, "true", true),
        arguments(BOOLEAN, "\"false\"", false),
        arguments(DOUBLE, "3.5", 3.5),
        arguments(DOUBLE, "1e300", 1e300),
        arguments(DOUBLE, "0.1", 0.1),
        arguments(DOUBLE, "9007199254740992", 9007199254740992.0),
        arguments(DOUBLE, "\"2.5\"", 2.5),
        arguments(DOUBLE, "\"NaN\"", Double.NaN),
        arguments(DOUBLE, "\"-Infinity\"", Double.NEGATIVE_INFINITY),
        arguments(FLOAT, "1.5", 1.5f),
        arguments(FLOAT, "16777216", 16777216f),
        arguments(DECIMAL, "12.5", new BigDecimal("12.5")),
        arguments(DECIMAL, "\"12.50\"", new BigDecimal("12.50")),
        arguments(DECIMAL, "7", new BigDecimal("7")),
        arguments(TIMESTAMP, "\"2026-11-23T06:30:00Z\"", Instant.parse("2026-11-23T06:30:00Z")),
        arguments(
            TIMESTAMP,
            "\"2026-11-23T07:30:00.123456+01:00\"",
            Instant.parse("2026-11-23T06:30:00.123Z")),
        arguments(TIMESTAMP, "1700000000000", Instant.ofEpochMilli(1_700_000_000_000L)),
        arguments(TIMESTAMP, "\"1700000000000\"", Instant.ofEpochMilli(1_700_000_000_000L)),
        arguments(TIMESTAMP, "-1", Instant.ofEpochMilli(-1)),
        arguments(DATE, "\"2024-02-29\"", LocalDate.of(2024, 2, 29)),
        arguments(
            UUID,
            "\"123e4567-e89b-42d3-a456-426614174000\"",
            java.util.UUID.fromString("123e4567-e89b-42d3-a456-426614174000")),
        arguments(
            UUID,
            "\"123E4567-E89B-42D3-A456-426614174000\"",
            java.util.UUID.fromString("123e4567-e89b-42d3-a456-426614174000")),
        arguments(
            TIMEUUID,
            "\"5f1b9a0e-0e1f-11ef-9262-0242ac120002\"",
            java.util.UUID.fromString("5f1b9a0e-0e1f-11ef-9262-0242ac120002")),
        arguments(
            INET,
            "\"192.168.0.1\"",
            InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 0, 1})),
        arguments(INET, "\"::1\"", InetAddress.getByName("::1")),
        arguments(
            INET, "\"2001:db8::ff00:42:8329\"", InetAddress.getByName("2001:db8::ff00:42:8329")),
        arguments(BLOB, "\"aGVsbG8=\"", ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8))),
        arguments(BLOB, "\"\"", ByteBuffer.allocate(0)));
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @MethodSource("accepted")
  void converts_good_values_to_the_drivers_java_type(CqlType type, String json, Object expected) {
    Object value = type.convert(json(json));

    assertThat(value).isEqualTo(expected).isInstanceOf(type.javaType());
  }

  static Stream<Arguments> rejected() {
    String int32 = "expected an integer from -2147483648 to 2147483647, was ";
    String doubleRule =
        "expected a finite number a double holds (in range, no underflow to 0, integers exact), was ";
    String floatRule =
        "expected a finite number a float holds (in range, no underflow to 0, integers exact), was ";
    String textRule =
        "expected a JSON string (or an object or array, stored as its JSON text), was ";
    String timestampRule =
        "expected an RFC 3339 timestamp with an offset (e.g. 2026-11-23T06:30:00Z) or epoch milliseconds, was ";
    return Stream.of(
        arguments(TEXT, "42", textRule + "number 42"),
        arguments(TEXT, "true", textRule + "boolean true"),
        arguments(VARCHAR, "1.5", textRule + "number 1.5"),
        arguments(
            ASCII,
            "\"h\u00e9llo\"",
            "expected a JSON string of US-ASCII characters, was string \"h\u00e9llo\""),
        arguments(ASCII, "7", "expected a JSON string of US-ASCII characters, was number 7"),
        arguments(INT, "\"abc\"", int32 + "string \"abc\""),
        arguments(INT, "3.5", int32 + "number 3.5"),
        arguments(INT, "1099511627776", int32 + "number 1099511627776"),
        arguments(INT, "2147483648", int32 + "number 2147483648"),
        arguments(INT, "\"3.0\"", int32 + "string \"3.0\""),
        arguments(INT, "\" 4\"", int32 + "string \" 4\""),
        arguments(INT, "true", int32 + "boolean true"),
        arguments(INT, "{}", int32 + "an object"),
        arguments(INT, "[1]", int32 + "an array"),
        arguments(
            BIGINT,
            "9223372036854775808",
            "expected an integer from -9223372036854775808 to 9223372036854775807, was number 9223372036854775808"),
        arguments(SMALLINT, "32768", "expected an integer from -32768 to 32767, was number 32768"),
        arguments(TINYINT, "128", "expected an integer from -128 to 127, was number 128"),
        arguments(TINYINT, "-129", "expected an integer from -128 to 127, was number -129"),
        arguments(VARINT, "1.5", "expected an integer of at most 1000 digits, was number 1.5"),
        arguments(BOOLEAN, "1", "expected true or false, was number 1"),
        arguments(BOOLEAN, "\"yes\"", "expected true or false, was string \"yes\""),
        arguments(BOOLEAN, "\"TRUE\"", "expected true or false, was string \"TRUE\""),
        arguments(DOUBLE, "9007199254740993", doubleRule + "number 9007199254740993"),
        arguments(DOUBLE, "\"1e400\"", doubleRule + "string \"1e400\""),
        arguments(DOUBLE, "\"1e-400\"", doubleRule + "string \"1e-400\""),
        arguments(DOUBLE, "\"abc\"", doubleRule + "string \"abc\""),
        arguments(DOUBLE, "false", doubleRule + "boolean false"),
        arguments(FLOAT, "1e39", floatRule + "number 1.0E39"),
        arguments(FLOAT, "1e-50", floatRule + "number 1.0E-50"),
        arguments(FLOAT, "16777217", floatRule + "number 16777217"),
        arguments(
            DECIMAL,
            "\"12,5\"",
            "expected a decimal number (a JSON number or numeric text), was string \"12,5\""),
        arguments(
            DECIMAL,
            "true",
            "expected a decimal number (a JSON number or numeric text), was boolean true"),
        arguments(
            TIMESTAMP, "\"2026-11-23T06:30:00\"", timestampRule + "string \"2026-11-23T06:30:00\""),
        arguments(TIMESTAMP, "\"yesterday\"", timestampRule + "string \"yesterday\""),
        arguments(TIMESTAMP, "1.5", timestampRule + "number 1.5"),
        arguments(TIMESTAMP, "9223372036854775808", timestampRule + "number 9223372036854775808"),
        arguments(
            TIMESTAMP,
            "\"+999999999-12-31T23:59:59Z\"",
            timestampRule + "string \"+999999999-12-31T23:59:59Z\""),
        arguments(DATE, "\"2026-02-30\"", "expected a date YYYY-MM-DD, was string \"2026-02-30\""),
        arguments(DATE, "\"2026-1-5\"", "expected a date YYYY-MM-DD, was string \"2026-1-5\""),
        arguments(DATE, "20260101", "expected a date YYYY-MM-DD, was number 20260101"),
        arguments(
            UUID,
            "\"not-a-uuid\"",
            "expected a UUID (8-4-4-4-12 hex digits), was string \"not-a-uuid\""),
        arguments(
            UUID,
            "\"1-1-1-1-1\"",
            "expected a UUID (8-4-4-4-12 hex digits), was string \"1-1-1-1-1\""),
        arguments(
            TIMEUUID,
            "\"123e4567-e89b-42d3-a456-426614174000\"",
            "expected a version 1 (time-based) UUID, was string \"123e4567-e89b-42d3-a456-426614174000\""),
        arguments(
            INET,
            "\"256.1.1.1\"",
            "expected an IPv4 or IPv6 address literal, was string \"256.1.1.1\""),
        arguments(
            INET,
            "\"example.com\"",
            "expected an IPv4 or IPv6 address literal, was string \"example.com\""),
        arguments(INET, "\"::g\"", "expected an IPv4 or IPv6 address literal, was string \"::g\""),
        arguments(
            INET,
            "\"fe80::1%eth0\"",
            "expected an IPv4 or IPv6 address literal, was string \"fe80::1%eth0\""),
        arguments(INET, "1234", "expected an IPv4 or IPv6 address literal, was number 1234"),
        arguments(
            BLOB,
            "\"not base64!\"",
            "expected base64 text (RFC 4648, standard alphabet), was string \"not base64!\""),
        arguments(BLOB, "42", "expected base64 text (RFC 4648, standard alphabet), was number 42"));
  }

  @ParameterizedTest(name = "{0} rejects {1}")
  @MethodSource("rejected")
  void rejects_bad_and_lossy_values_naming_the_rule_and_the_value(
      CqlType type, String json, String detail) {
    assertThatThrownBy(() -> type.convert(json(json), "payload.x"))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(MappingException.INVALID_VALUE);
              assertThat(e.field()).isEqualTo("payload.x");
              assertThat(e.detail()).isEqualTo(detail);
            })
        .hasMessageContaining(detail);
  }

  @ParameterizedTest
  @EnumSource(CqlType.class)
  void converts_json_null_and_absence_to_null(CqlType type) {
    assertThat(type.convert(NullNode.getInstance())).isNull();
    assertThat(type.convert(null)).isNull();
  }

  @ParameterizedTest
  @EnumSource(CqlType.class)
  void is_named_by_its_cql_type(CqlType type) {
    assertThat(CqlType.fromCql(type.cql())).contains(type);
    assertThat(type.cql()).isEqualTo(type.name().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void abbreviates_long_strings_in_errors() {
    String digits = "x".repeat(100);

    assertThatThrownBy(() -> INT.convert(json("\"" + digits + "\"")))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("was string \"" + "x".repeat(64) + "\"... (100 characters)");
  }

  @Test
  void unknown_type_names_are_not_types() {
    assertThat(CqlType.fromCql("integer")).isEmpty();
    assertThat(CqlType.fromCql("TEXT")).isEmpty();
  }

  static JsonNode json(String text) {
    try {
      return EventCodec.json().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
