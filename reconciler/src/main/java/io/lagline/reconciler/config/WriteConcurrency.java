package io.lagline.reconciler.config;

/**
 * How many Cassandra writes the reconciler keeps in flight. See the configuration reference in the
 * README for each key.
 *
 * @param mode {@code adaptive}: the limit follows the measured write latency between {@code min}
 *     and {@code max}; {@code fixed}: always {@code max}
 * @param min the adaptive limit's floor ({@code cassandra.min-concurrent-writes})
 * @param max the limit's ceiling, or the fixed limit ({@code cassandra.max-concurrent-writes})
 */
public record WriteConcurrency(Mode mode, int min, int max) {

  /** Default for {@code cassandra.write-concurrency}. */
  public static final Mode DEFAULT_MODE = Mode.ADAPTIVE;

  /** Default for {@code cassandra.min-concurrent-writes}. */
  public static final int DEFAULT_MIN = 16;

  /** Default for {@code cassandra.max-concurrent-writes}. */
  public static final int DEFAULT_MAX = 1024;

  /** Where the adaptive limit starts, before it has measured anything. */
  public int initial() {
    return Math.max(min, Math.min(max, 64));
  }

  /** The two ways of limiting. */
  public enum Mode {
    ADAPTIVE,
    FIXED
  }
}
