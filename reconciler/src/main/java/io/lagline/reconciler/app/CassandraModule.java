package io.lagline.reconciler.app;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.lagline.reconciler.apply.CassandraLwtWriter;
import io.lagline.reconciler.apply.RowWriter;
import io.lagline.reconciler.apply.WriteMetrics;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.known.KnownVersions;
import io.lagline.reconciler.known.KnownVersionsWriter;
import io.lagline.reconciler.known.VersionCacheMetrics;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.outage.OutageGuard;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Cassandra boundary: the driver session (opened and checked when first needed), the prepared
 * conditional writer behind the version cache, and the outage guard that probes the cluster while
 * writes fail.
 */
final class CassandraModule extends AbstractModule {
  private final ReconcilerConfig config;

  CassandraModule(ReconcilerConfig config) {
    this.config = config;
  }

  @Provides
  @Singleton
  CqlSession session(PrometheusMeterRegistry registry) {
    return CassandraSessions.open(config.cassandra(), registry);
  }

  @Provides
  @Singleton
  RowWriter writer(
      CqlSession session,
      Mapping mapping,
      WriteMetrics metrics,
      VersionCacheMetrics versionCacheMetrics) {
    RowWriter cassandra =
        CassandraLwtWriter.prepare(
            session,
            config.cassandra().keyspace(),
            mapping,
            level(config.cassandra().consistency().name()),
            level(config.cassandra().serialConsistency().name()),
            metrics);
    return new KnownVersionsWriter(
        cassandra, KnownVersions.of(config.cassandra().versionCache()), versionCacheMetrics);
  }

  @Provides
  @Singleton
  OutageGuard outageGuard(
      CqlSession session, ScheduledExecutorService scheduler, WriteMetrics metrics) {
    SimpleStatement probe =
        SimpleStatement.newInstance("SELECT release_version FROM system.local")
            .setTimeout(config.cassandra().requestTimeout());
    return new OutageGuard(
        config.outage(), scheduler, () -> session.executeAsync(probe), metrics::paused);
  }

  private static ConsistencyLevel level(String name) {
    return DefaultConsistencyLevel.valueOf(name);
  }
}
