package io.lagline.config;

import java.util.Objects;

/**
 * A configuration value that must never be logged: {@link #toString()} masks it. Read the value
 * only where it is handed to the client that needs it.
 */
public final class Secret {
  private static final String MASK = "****";
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Wraps a secret value. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The clear value; do not log it. */
  public String reveal() {
    return value;
  }

  /** The mask shown wherever a secret would be printed. */
  public static String mask() {
    return MASK;
  }

  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
