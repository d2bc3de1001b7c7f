package io.lagline.ops;

import java.util.HashSet;
import java.util.Set;

/**
 * The Prometheus series names the dashboard and the alert rules may use: what the reconciler and
 * the producer export (README, "Metrics and health"), their JVM meters, and Prometheus' own {@code
 * up}. A name used anywhere else is a typo or a metric that does not exist.
 */
final class KnownMetrics {
  /** Exported today, with the series each one has. */
  static final Set<String> EXPORTED =
      Set.of(
          "lagline_reconciler_events_total",
          "lagline_reconciler_consistency_lag_seconds_bucket",
          "lagline_reconciler_consistency_lag_seconds_count",
          "lagline_reconciler_consistency_lag_seconds_sum",
          "lagline_reconciler_cassandra_write_latency_seconds_bucket",
          "lagline_reconciler_writes_total",
          "lagline_reconciler_retries_total",
          "lagline_reconciler_failures_total",
          "lagline_reconciler_dead_letters_total",
          "lagline_reconciler_paused",
          "lagline_reconciler_replies_total",
          "lagline_reconciler_in_flight_messages",
          "lagline_reconciler_watermark_lag_seconds",
          "lagline_reconciler_audit_checked_total",
          "lagline_reconciler_audit_divergent_total",
          "lagline_reconciler_audit_repaired_total",
          "lagline_reconciler_oldest_in_flight_age_seconds",
          "lagline_reconciler_receive_lag_seconds",
          "lagline_reconciler_flow_control_max_messages",
          "lagline_reconciler_write_concurrency_limit",
          "lagline_reconciler_writes_in_flight",
          "lagline_reconciler_stream_errors_total",
          "lagline_reconciler_stalled_for_seconds",
          "lagline_reconciler_notifications_total",
          "lagline_reconciler_notification_failures_total",
          "lagline_reconciler_notification_publish_seconds_bucket",
          "lagline_reconciler_notification_publish_seconds_count",
          "lagline_reconciler_notification_publish_seconds_sum",
          "lagline_reconciler_visible_lag_seconds_bucket",
          "lagline_reconciler_visible_lag_seconds_count",
          "lagline_reconciler_visible_lag_seconds_sum",
          "lagline_reconciler_notifications_paused",
          "lagline_producer_heartbeats_total",
          "lagline_producer_publishes_events_total",
          "lagline_producer_publish_latency_seconds_bucket",
          "lagline_producer_outstanding_messages",
          "lagline_producer_http_requests_seconds_bucket",
          "lagline_producer_http_requests_seconds_count",
          "lagline_producer_serve_pubsub_reachable",
          "jvm_memory_used_bytes",
          "jvm_memory_max_bytes",
          "jvm_gc_pause_seconds_sum",
          "jvm_threads_live_threads",
          "process_cpu_usage",
          "up");

  /**
   * Meters not exported yet by any branch; queries on them may return nothing in PrometheusIT, and
   * StartUpSeriesTest does not look for them. Keep it empty on main: every panel and alert must be
   * proven against real series. Move a name to {@link #EXPORTED} with the code that exports it.
   */
  static final Set<String> PENDING = Set.of();

  private KnownMetrics() {}

  static Set<String> all() {
    Set<String> all = new HashSet<>(EXPORTED);
    all.addAll(PENDING);
    return all;
  }

  /**
   * Whether a query on {@code name} may return nothing in PrometheusIT. Only a pending name may:
   * every series with fixed tags exists at 0 from start-up, so a retry or a dead letter the IT's
   * healthy stack never produces still has its series.
   */
  static boolean mayBeAbsent(String name) {
    return PENDING.contains(name);
  }
}
