package io.lagline.producer.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The meters of the ingest service's HTTP endpoint: one timer of requests by route and status class
 * ({@code lagline_producer_http_requests_seconds{route, status}}: count, sum and latency buckets).
 * Every route × status class series exists at 0 from construction.
 */
public final class HttpMetrics implements MeterBinder {
  /** Timer of requests by {@link #ROUTE} and {@link #STATUS}. */
  public static final String REQUESTS = "lagline.producer.http.requests";

  /** Tag naming the route, one of {@link Route}. */
  public static final String ROUTE = "route";

  /** Tag naming the status class: {@code 2xx}, {@code 4xx} or {@code 5xx}. */
  public static final String STATUS = "status";

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)
  };

  /** The routes, as tagged. */
  public enum Route {
    EVENTS,
    EVENTS_BATCH,
    METRICS,
    HEALTH,
    OTHER;

    /** The tag value, e.g. {@code events_batch}. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The status classes, as tagged. */
  enum StatusClass {
    S2XX("2xx"),
    S4XX("4xx"),
    S5XX("5xx");

    final String tag;

    StatusClass(String tag) {
      this.tag = tag;
    }

    static StatusClass of(int status) {
      return status >= 500 ? S5XX : status >= 400 ? S4XX : S2XX;
    }
  }

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final Map<Route, Map<StatusClass, Timer>> timers = new EnumMap<>(Route.class);

  public HttpMetrics() {
    for (Route route : Route.values()) {
      Map<StatusClass, Timer> byStatus = new EnumMap<>(StatusClass.class);
      for (StatusClass status : StatusClass.values()) {
        byStatus.put(
            status,
            Timer.builder(REQUESTS)
                .description("HTTP requests to the ingest service, by route and status class")
                .tag(ROUTE, route.tag())
                .tag(STATUS, status.tag)
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
      }
      timers.put(route, byStatus);
    }
  }

  @Override
  public void bindTo(MeterRegistry target) {
    registry.add(target);
  }

  /** Records one answered request. */
  void record(Route route, int status, long nanos) {
    timers.get(route).get(StatusClass.of(status)).record(Duration.ofNanos(nanos));
  }
}
