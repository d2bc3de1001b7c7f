package io.lagline.reconciler.known;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lagline.reconciler.apply.RowResult;
import io.lagline.reconciler.apply.WriteOutcome;
import io.lagline.reconciler.config.VersionCacheConfig;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.WriteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Cassandra has confirmed about the rows this reconciler writes: per (table, primary key), a
 * lower bound of the entity version the row holds, or for a fact row that it exists. Each entry
 * comes from a confirmed answer (an applied write holds the event's version; a not-applied one
 * reports the stored version), never from a write whose fate is unknown.
 *
 * <p>Why a lower bound stays true: Lagline only ever raises a row's version. Its conditional update
 * applies only over an older version, and a delete is a versioned tombstone ({@code deleted =
 * true}, same version column), so a later answer can only be higher, and another reconciler writing
 * the same row only raises it further. Fact rows are never removed by Lagline. So when the bound is
 * at least an event's version, Cassandra's answer is already known:
 *
 * <ul>
 *   <li>bound above the version: the row holds something newer, the event is {@code stale};
 *   <li>bound equal: this version was confirmed in the row before, the event is a {@code duplicate}
 *       (a newer one may have landed since, which the next real write would report);
 *   <li>fact row known to exist: {@code duplicate}.
 * </ul>
 *
 * Anything else (no entry, or a bound below the version, which may apply) goes to Cassandra.
 *
 * <p>The limit: rows changed outside Lagline (a hard {@code DELETE}, {@code TRUNCATE}, a table TTL,
 * a restore from an older backup) break the premise. Entries therefore expire ({@code
 * cassandra.version-cache.expire-after}) and the cache can be turned off ({@code
 * cassandra.version-cache.max-entries: 0}); the runbook says to restart reconcilers after such a
 * change. An event the auditor republished because its row diverged ({@code audit.repair}) makes
 * the cache forget its rows first. Size-bounded by Caffeine (W-TinyLFU eviction).
 */
public final class KnownVersions {
  /** The entry of a fact row: it exists, and facts carry no version to compare. */
  static final long EXISTS = Long.MIN_VALUE;

  private final Cache<RowKey, Long> cache;

  private KnownVersions(Cache<RowKey, Long> cache) {
    this.cache = cache;
  }

  /** A cache as configured; one that never answers when {@code max-entries} is 0. */
  public static KnownVersions of(VersionCacheConfig config) {
    return config.enabled() ? new KnownVersions(builder(config).build()) : new KnownVersions(null);
  }

  /** A cache on a given clock, evicting on the caller's thread: for tests. */
  static KnownVersions of(VersionCacheConfig config, Ticker ticker) {
    return new KnownVersions(builder(config).ticker(ticker).executor(Runnable::run).build());
  }

  private static Caffeine<Object, Object> builder(VersionCacheConfig config) {
    return Caffeine.newBuilder()
        .maximumSize(config.maxEntries())
        .expireAfterWrite(config.expireAfter())
        .recordStats();
  }

  /** True when answers may come from the cache. */
  public boolean enabled() {
    return cache != null;
  }

  /** The answer Cassandra would give to writing {@code row} at {@code version}, when known. */
  Optional<RowResult> answer(RowKey key, WriteMode mode, long version) {
    if (cache == null) {
      return Optional.empty();
    }
    Long known = cache.getIfPresent(key);
    return known == null ? Optional.empty() : answer(known, mode, version);
  }

  /** Remembers a confirmed result of writing a row in {@code mode}. */
  void learn(RowKey key, WriteMode mode, RowResult result) {
    if (cache != null) {
      cache.asMap().merge(key, learned(mode, result), Math::max);
    }
  }

  /** Drops what is known about a row: its next write asks Cassandra. */
  void forget(RowKey key) {
    if (cache != null) {
      cache.invalidate(key);
    }
  }

  /** Entries now (an estimate, as Caffeine counts). */
  long size() {
    if (cache == null) {
      return 0;
    }
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** Entries evicted by the size bound so far. */
  long evictions() {
    return cache == null ? 0 : cache.stats().evictionCount();
  }

  /**
   * The rule: what a known entry says about a write at {@code version}, when it says anything.
   *
   * @param known the entry: a version lower bound, or {@link #EXISTS}
   */
  static Optional<RowResult> answer(long known, WriteMode mode, long version) {
    if (!mode.versioned()) {
      return Optional.of(new RowResult(WriteOutcome.DUPLICATE, version));
    }
    if (known == EXISTS || known < version) {
      return Optional.empty(); // the write may apply: only Cassandra can say
    }
    return Optional.of(
        known == version
            ? new RowResult(WriteOutcome.DUPLICATE, version)
            : new RowResult(WriteOutcome.STALE, known));
  }

  /** The entry a confirmed result gives: the version the row holds, or {@link #EXISTS}. */
  static long learned(WriteMode mode, RowResult result) {
    return mode.versioned() ? result.heldVersion() : EXISTS;
  }

  /**
   * A row's identity: its table and primary-key values, in key order.
   *
   * @param table the table
   * @param key the primary-key values
   */
  record RowKey(String table, List<Object> key) {
    static RowKey of(BoundRow row) {
      List<String> columns = row.write().primaryKey();
      List<Object> values = new ArrayList<>(columns.size());
      for (String column : columns) {
        values.add(row.value(column));
      }
      return new RowKey(row.table(), values);
    }
  }
}
