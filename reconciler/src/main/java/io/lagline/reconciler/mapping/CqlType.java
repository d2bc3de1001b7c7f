package io.lagline.reconciler.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The CQL types a mapped column can have, each with the Java type the java-driver 4.x codec expects
 * and the conversion from a JSON value (docs/MAPPING.md lists what each accepts). Conversions never
 * lose information silently: a fraction into an integer column, an out-of-range number or a
 * malformed string is rejected with the rule it breaks.
 */
public enum CqlType {
  TEXT("text", String.class),
  ASCII("ascii", String.class),
  VARCHAR("varchar", String.class),
  INT("int", Integer.class),
  BIGINT("bigint", Long.class),
  SMALLINT("smallint", Short.class),
  TINYINT("tinyint", Byte.class),
  VARINT("varint", BigInteger.class),
  BOOLEAN("boolean", Boolean.class),
  DOUBLE("double", Double.class),
  FLOAT("float", Float.class),
  DECIMAL("decimal", BigDecimal.class),
  TIMESTAMP("timestamp", Instant.class),
  DATE("date", LocalDate.class),
  UUID("uuid", java.util.UUID.class),
  TIMEUUID("timeuuid", java.util.UUID.class),
  INET("inet", InetAddress.class),
  BLOB("blob", ByteBuffer.class);

  private final String cql;
  private final Class<?> javaType;

  CqlType(String cql, Class<?> javaType) {
    this.cql = cql;
    this.javaType = javaType;
  }

  /** The type as written in CQL and in the mapping file, e.g. {@code bigint}. */
  public String cql() {
    return cql;
  }

  /**
   * The Java class {@link #convert(JsonNode)} returns, the one the driver's default codec takes.
   */
  public Class<?> javaType() {
    return javaType;
  }

  /**
   * Converts a JSON value to {@link #javaType()}; a null reference or JSON null converts to null.
   *
   * @throws MappingException reason {@value MappingException#INVALID_VALUE}, field {@code value},
   *     when the value breaks the type's rule
   */
  public Object convert(JsonNode value) {
    return convert(value, "value");
  }

  /**
   * Converts a JSON value read from {@code field}; as {@link #convert(JsonNode)}, naming the field
   * in the error.
   */
  public Object convert(JsonNode value, String field) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    try {
      return ValueConverter.convert(this, value);
    } catch (ValueConverter.Rejected e) {
      throw new MappingException(
          MappingException.INVALID_VALUE,
          field,
          "expected " + e.getMessage() + ", was " + ValueConverter.describe(value));
    }
  }

  /** The type named {@code cql} (lower case, as in CQL), if it is one of the supported types. */
  public static Optional<CqlType> fromCql(String cql) {
    return Arrays.stream(values()).filter(t -> t.cql.equals(cql)).findFirst();
  }

  /** Whether the type holds text (text, varchar, ascii). */
  public boolean isText() {
    return this == TEXT || this == VARCHAR || this == ASCII;
  }
}
