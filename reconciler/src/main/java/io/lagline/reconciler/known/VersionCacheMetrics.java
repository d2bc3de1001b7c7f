package io.lagline.reconciler.known;

import io.lagline.reconciler.apply.WriteOutcome;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.TableSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Owns the meters of the version cache ({@link KnownVersions}): row writes answered without a round
 * trip, by table and outcome (every series registered at zero), the share of lookups answered, the
 * entries held and the entries evicted by the size bound (a high rate says {@code
 * cassandra.version-cache.max-entries} is too small for the keys in play).
 */
public final class VersionCacheMetrics {
  /** The outcomes the cache can answer. */
  static final List<WriteOutcome> ANSWERS = List.of(WriteOutcome.DUPLICATE, WriteOutcome.STALE);

  private final Map<String, Map<WriteOutcome, Counter>> answers = new TreeMap<>();
  private final LongAdder lookups = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private volatile KnownVersions cache;

  /**
   * Registers the meters.
   *
   * @param mapping its tables are the only values of the {@code table} tag
   */
  public VersionCacheMetrics(MeterRegistry registry, Mapping mapping) {
    for (String table : mapping.tables().stream().map(TableSchema::name).toList()) {
      Map<WriteOutcome, Counter> byOutcome = new TreeMap<>();
      for (WriteOutcome outcome : ANSWERS) {
        byOutcome.put(
            outcome,
            Counter.builder("lagline.reconciler.version.cache.answers")
                .description(
                    "Row writes answered from the version cache, without a Cassandra round trip,"
                        + " by table and outcome")
                .tag("table", table)
                .tag("outcome", outcome.tag())
                .register(registry));
      }
      answers.put(table, byOutcome);
    }
    Gauge.builder("lagline.reconciler.version.cache.hit.ratio", this, VersionCacheMetrics::ratio)
        .description("Share of row writes since start answered from the version cache (0 to 1)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("lagline.reconciler.version.cache.entries", this, m -> m.size())
        .description("Rows whose stored version the cache holds")
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder("lagline.reconciler.version.cache.evictions", this, m -> m.evictions())
        .description("Entries the version cache dropped to stay within its size bound")
        .register(registry);
  }

  /** Connects the cache whose size and evictions are exported. */
  void cache(KnownVersions known) {
    this.cache = known;
  }

  /** Counts one lookup; {@code answer} is the outcome the cache gave, or null when it asked. */
  void lookup(String table, WriteOutcome answer) {
    lookups.increment();
    if (answer != null) {
      answered.increment();
      Map<WriteOutcome, Counter> byOutcome = answers.get(table);
      if (byOutcome != null) {
        byOutcome.get(answer).increment();
      }
    }
  }

  private double ratio() {
    long all = lookups.sum();
    return all == 0 ? 0 : (double) answered.sum() / all;
  }

  private double size() {
    KnownVersions known = cache;
    return known == null ? 0 : known.size();
  }

  private double evictions() {
    KnownVersions known = cache;
    return known == null ? 0 : known.evictions();
  }
}
