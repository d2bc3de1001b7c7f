package io.lagline.reconciler.config;

import java.time.Duration;

/**
 * The version cache: what Cassandra confirmed about recently written rows, used to answer
 * redelivered and stale events without a round trip. See the configuration reference in the README
 * for each key.
 *
 * @param maxEntries rows remembered at most ({@code cassandra.version-cache.max-entries}); 0 turns
 *     the cache off
 * @param expireAfter how long an entry is trusted after Cassandra last confirmed it ({@code
 *     cassandra.version-cache.expire-after})
 */
public record VersionCacheConfig(int maxEntries, Duration expireAfter) {
  /** Default for {@code cassandra.version-cache.max-entries}. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  /** Default for {@code cassandra.version-cache.expire-after}. */
  public static final Duration DEFAULT_EXPIRE_AFTER = Duration.ofMinutes(15);

  /** False when {@code max-entries} is 0. */
  public boolean enabled() {
    return maxEntries > 0;
  }

  /** The defaults. */
  public static VersionCacheConfig defaults() {
    return new VersionCacheConfig(DEFAULT_MAX_ENTRIES, DEFAULT_EXPIRE_AFTER);
  }
}
