package io.lagline.demo;

import io.lagline.producer.http.MetricsServer;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.Heartbeats;
import io.lagline.producer.publish.PubSubEventPublisher;
import io.lagline.producer.publish.PublishMetrics;
import io.lagline.producer.publish.PublisherSettings;
import io.lagline.producer.publish.TopicPath;
import io.lagline.pubsub.PubSubConnection;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The demo's producer, set up as a service embedding the producer library would be: a publisher on
 * the emulator, heartbeats every {@link Heartbeats#DEFAULT_INTERVAL} (the reconciler's watermark
 * lag), and its meters on {@code /metrics} at a free loopback port. It stays open for the whole
 * run, {@code --keep-running} included.
 */
final class DemoProducer implements AutoCloseable {
  private final PubSubConnection connection;
  private final PubSubEventPublisher publisher;
  private final Heartbeats heartbeats;
  private final MetricsServer metricsServer;

  private DemoProducer(
      PubSubConnection connection,
      PubSubEventPublisher publisher,
      Heartbeats heartbeats,
      MetricsServer metricsServer) {
    this.connection = connection;
    this.publisher = publisher;
    this.heartbeats = heartbeats;
    this.metricsServer = metricsServer;
  }

  /** Connects to the emulator, serves the metrics and sends the first heartbeat. */
  static DemoProducer start(String emulatorHost, TopicPath topic, Duration heartbeatInterval) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PublishMetrics metrics = new PublishMetrics();
    metrics.bindTo(registry);
    MetricsServer metricsServer = MetricsServer.start("127.0.0.1", 0, registry);
    PubSubConnection connection = null;
    PubSubEventPublisher publisher = null;
    try {
      connection = PubSubConnection.emulator(emulatorHost);
      publisher =
          PubSubEventPublisher.create(topic, connection, PublisherSettings.defaults(), metrics);
      Heartbeats heartbeats =
          Heartbeats.start(publisher, Heartbeats.defaultProducerId(), heartbeatInterval, metrics);
      return new DemoProducer(connection, publisher, heartbeats, metricsServer);
    } catch (RuntimeException e) {
      closeQuietly(publisher);
      closeQuietly(connection);
      metricsServer.close();
      throw e;
    }
  }

  EventPublisher publisher() {
    return publisher;
  }

  String metricsUrl() {
    return metricsServer.metricsUrl();
  }

  /** Stops the heartbeats, flushes the publisher, then stops serving the metrics. */
  @Override
  public void close() {
    try (MetricsServer server = metricsServer;
        PubSubConnection channel = connection;
        EventPublisher flushed = publisher;
        Heartbeats beats = heartbeats) {
      // closed in reverse order: heartbeats, publisher, connection, metrics
    } catch (Exception e) {
      throw new io.lagline.error.LaglineException("cannot close the demo's producer", e);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // the start failure is the error to report
    }
  }
}
