package io.lagline.reconciler.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AdminServer server;

  AdminServerTest() {
    Counter.builder("lagline.reconciler.events").tag("outcome", "applied").register(registry);
    Gauge.builder("lagline.reconciler.paused", () -> 0).register(registry);
    Timer.builder("lagline.reconciler.consistency.lag")
        .serviceLevelObjectives(Duration.ofMillis(10))
        .register(registry);
    server = AdminServer.start("127.0.0.1", 0, registry, List.of(), List.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void serves_the_whole_page_without_names() throws Exception {
    assertThat(get("/metrics"))
        .contains("lagline_reconciler_events_total{outcome=\"applied\"} 0.0")
        .contains("lagline_reconciler_paused 0.0");
  }

  @Test
  void serves_only_the_families_named_with_name_parameters() throws Exception {
    String page = get("/metrics?name%5B%5D=lagline_reconciler_events_total");

    assertThat(page)
        .contains("lagline_reconciler_events_total{outcome=\"applied\"} 0.0")
        .doesNotContain("lagline_reconciler_paused");
    assertThat(get("/metrics?name[]=lagline_reconciler_consistency_lag_seconds"))
        .contains("lagline_reconciler_consistency_lag_seconds_bucket{le=\"0.01\"} 0")
        .contains("lagline_reconciler_consistency_lag_seconds_count 0")
        .doesNotContain("lagline_reconciler_paused");
    assertThat(get("/metrics?name[]=lagline_reconciler_paused"))
        .contains("lagline_reconciler_paused 0.0")
        .doesNotContain("lagline_reconciler_events");
  }

  @Test
  void reads_names_from_a_query() {
    assertThat(MetricNames.requested("name[]=a_total&x=1&name%5B%5D=b&name[]="))
        .containsExactly("a_total", "a", "b");
    assertThat(MetricNames.requested(null)).isEmpty();
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
