package io.lagline.reconciler.metrics;

import io.lagline.reconciler.apply.WriteMetrics;
import io.lagline.reconciler.audit.AuditMetrics;
import io.lagline.reconciler.deadletter.DeadLetterMetrics;
import io.lagline.reconciler.intake.IntakeMetrics;
import io.lagline.reconciler.intake.MessageMetrics;
import io.lagline.reconciler.known.VersionCacheMetrics;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.notify.NotificationMetrics;
import io.lagline.reconciler.watermark.WatermarkMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Every meter of a running reconciler: the Prometheus registry {@code /metrics} serves, with the
 * JVM and process binders and the {@code app} tag, and one binder per component. They are created
 * together at start-up, so every series whose tags come from a fixed set (outcomes, verdicts,
 * dead-letter reasons, gRPC codes, the mapping's event types and tables) is in the first scrape at
 * zero, whichever components then run: the auditor is optional, and a counter born with its first
 * increment hides that increment from {@code increase()}. Only the watermark gauges wait for their
 * producers ({@link WatermarkMetrics} says why).
 *
 * @param registry what {@code /metrics} serves
 * @param messages outcomes, lag, failures and replies of the messages handled
 * @param intake the streaming pull's health
 * @param writes the Cassandra write path
 * @param deadLetters poison messages parked
 * @param watermarks the producers' watermark lag
 * @param audit the convergence auditor
 * @param notifications the reconciled stream's notifications
 * @param versionCache writes answered from the version cache
 */
public record ReconcilerMetrics(
    PrometheusMeterRegistry registry,
    MessageMetrics messages,
    IntakeMetrics intake,
    WriteMetrics writes,
    DeadLetterMetrics deadLetters,
    WatermarkMetrics watermarks,
    AuditMetrics audit,
    NotificationMetrics notifications,
    VersionCacheMetrics versionCache) {
  /** The {@code app} tag of every meter. */
  public static final String APP = "lagline-reconciler";

  /** Creates the registry and registers every meter of a reconciler running {@code mapping}. */
  public static ReconcilerMetrics register(Mapping mapping) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("app", APP);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    return new ReconcilerMetrics(
        registry,
        new MessageMetrics(registry, mapping.eventTypes()),
        new IntakeMetrics(registry),
        new WriteMetrics(registry, mapping),
        new DeadLetterMetrics(registry),
        new WatermarkMetrics(registry),
        new AuditMetrics(registry),
        new NotificationMetrics(registry, mapping.eventTypes()),
        new VersionCacheMetrics(registry, mapping));
  }
}
