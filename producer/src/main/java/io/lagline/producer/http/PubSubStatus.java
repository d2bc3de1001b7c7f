package io.lagline.producer.http;

import io.lagline.producer.publish.PublishFailure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the service's publishes say about Pub/Sub: reachable until a publish (a request's or a
 * heartbeat's) fails for a reason that means Pub/Sub cannot be reached or used, reachable again at
 * the next confirmed publish. Failures that say nothing about Pub/Sub (a full publisher, a message
 * it refused, shutting down) leave it as it was. Shown by {@code /health/ready} and the gauge
 * {@code lagline_producer_serve_pubsub_reachable}.
 */
public final class PubSubStatus implements MeterBinder {
  /** The last publish outcome that tells about Pub/Sub: empty when it was confirmed. */
  private final AtomicReference<Optional<PublishFailure>> last =
      new AtomicReference<>(Optional.empty());

  /** Records a confirmed publish. */
  public void confirmed() {
    last.set(Optional.empty());
  }

  /** Records a failed publish; only failures that concern Pub/Sub itself change the status. */
  public void failed(PublishFailure failure) {
    if (concernsPubSub(failure)) {
      last.set(Optional.of(failure));
    }
  }

  /** Whether the last publish that tells was confirmed. */
  public boolean reachable() {
    return last.get().isEmpty();
  }

  /** {@code reachable}, or the failure in lower case, e.g. {@code unavailable}. */
  public String describe() {
    return last.get().map(f -> f.name().toLowerCase(Locale.ROOT)).orElse("reachable");
  }

  /** Whether {@code failure} means Pub/Sub cannot be reached or used as configured. */
  static boolean concernsPubSub(PublishFailure failure) {
    return switch (failure) {
      case UNAVAILABLE, TIMED_OUT, TOPIC_NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED -> true;
      case FLOW_CONTROL, INVALID_MESSAGE, SHUT_DOWN, OTHER -> false;
    };
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("lagline.producer.serve.pubsub.reachable", this, s -> s.reachable() ? 1 : 0)
        .description(
            "1 while the service's last publish that tells about Pub/Sub was confirmed, 0 while"
                + " Pub/Sub is unreachable or refuses the topic or credentials")
        .register(registry);
  }
}
