package io.lagline.reconciler.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.lagline.reconciler.apply.WriteMetrics;
import io.lagline.reconciler.audit.AuditMetrics;
import io.lagline.reconciler.deadletter.DeadLetterMetrics;
import io.lagline.reconciler.intake.IntakeMetrics;
import io.lagline.reconciler.intake.MessageMetrics;
import io.lagline.reconciler.known.VersionCacheMetrics;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.metrics.ReconcilerMetrics;
import io.lagline.reconciler.notify.NotificationMetrics;
import io.lagline.reconciler.watermark.WatermarkMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The metrics boundary: the registry the admin endpoint serves and each component's binder. Asking
 * for any of them registers all of them ({@link ReconcilerMetrics#register}), so the first scrape
 * has every fixed-tag series, whichever component was wired first.
 */
final class MetricsModule extends AbstractModule {
  @Provides
  @Singleton
  ReconcilerMetrics metrics(Mapping mapping) {
    return ReconcilerMetrics.register(mapping);
  }

  @Provides
  PrometheusMeterRegistry registry(ReconcilerMetrics metrics) {
    return metrics.registry();
  }

  @Provides
  MessageMetrics messages(ReconcilerMetrics metrics) {
    return metrics.messages();
  }

  @Provides
  IntakeMetrics intake(ReconcilerMetrics metrics) {
    return metrics.intake();
  }

  @Provides
  WriteMetrics writes(ReconcilerMetrics metrics) {
    return metrics.writes();
  }

  @Provides
  DeadLetterMetrics deadLetters(ReconcilerMetrics metrics) {
    return metrics.deadLetters();
  }

  @Provides
  WatermarkMetrics watermarks(ReconcilerMetrics metrics) {
    return metrics.watermarks();
  }

  @Provides
  AuditMetrics audit(ReconcilerMetrics metrics) {
    return metrics.audit();
  }

  @Provides
  NotificationMetrics notifications(ReconcilerMetrics metrics) {
    return metrics.notifications();
  }

  @Provides
  VersionCacheMetrics versionCache(ReconcilerMetrics metrics) {
    return metrics.versionCache();
  }
}
