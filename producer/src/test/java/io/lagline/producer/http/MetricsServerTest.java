package io.lagline.producer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.error.LaglineException;
import io.lagline.producer.publish.PublishMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetricsServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  MetricsServerTest() {
    new PublishMetrics().bindTo(registry);
    server = MetricsServer.start("127.0.0.1", 0, registry);
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void serves_the_producer_meters_in_prometheus_text_format() throws Exception {
    HttpResponse<String> response = get(server.metricsUrl(), "GET");

    assertThat(server.metricsUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains("lagline_producer_outstanding_messages ")
        .contains("lagline_producer_heartbeats_total{outcome=\"ok\"}")
        .contains("lagline_producer_publish_latency_seconds_bucket{");
  }

  @Test
  void answers_404_beside_the_metrics_path_and_405_to_other_methods() throws Exception {
    String base = "http://127.0.0.1:" + server.port();

    assertThat(get(base + "/metricsx", "GET").statusCode()).isEqualTo(404);
    assertThat(get(base + "/", "GET").statusCode()).isEqualTo(404);
    assertThat(get(server.metricsUrl(), "POST").statusCode()).isEqualTo(405);
    assertThat(get(server.metricsUrl(), "HEAD").statusCode()).isEqualTo(200);
  }

  @Test
  void names_the_address_it_cannot_bind() {
    assertThatThrownBy(() -> MetricsServer.start("127.0.0.1", server.port(), registry))
        .isInstanceOf(LaglineException.class)
        .hasMessageContaining("127.0.0.1:" + server.port())
        .hasMessageContaining("choose a free port");
  }

  private HttpResponse<String> get(String url, String method) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
