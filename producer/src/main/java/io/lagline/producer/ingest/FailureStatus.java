package io.lagline.producer.ingest;

import io.lagline.producer.publish.PublishFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP status of a publish Pub/Sub did not confirm: one pure function, table-tested. None is
 * {@code 2xx}: an event is accepted only once Pub/Sub confirmed it.
 *
 * @param retryAfter the {@code Retry-After} to send, when retrying later may succeed
 */
public record FailureStatus(int status, String error, Optional<Duration> retryAfter) {
  /** {@code Retry-After} when the publisher's flow control is full: it drains in milliseconds. */
  public static final Duration FLOW_CONTROL_RETRY_AFTER = Duration.ofSeconds(1);

  /** {@code Retry-After} when Pub/Sub is unreachable or did not confirm in time. */
  public static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);

  /** {@code Retry-After} when the service cannot publish at all until an operator acts. */
  public static final Duration MISCONFIGURED_RETRY_AFTER = Duration.ofSeconds(30);

  /** The status for {@code failure}. */
  public static FailureStatus of(PublishFailure failure) {
    return switch (failure) {
      case FLOW_CONTROL -> retry(429, "publisher_full", FLOW_CONTROL_RETRY_AFTER);
      case UNAVAILABLE -> retry(503, "pubsub_unavailable", UNAVAILABLE_RETRY_AFTER);
      // may or may not be published: the caller retries with the same event_id, which is safe
      case TIMED_OUT -> retry(503, "pubsub_timed_out", UNAVAILABLE_RETRY_AFTER);
      case SHUT_DOWN -> retry(503, "shutting_down", UNAVAILABLE_RETRY_AFTER);
      // the service's own topic or credentials are wrong: unavailable until an operator fixes them
      case TOPIC_NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED ->
          retry(503, "pubsub_misconfigured", MISCONFIGURED_RETRY_AFTER);
      case INVALID_MESSAGE -> new FailureStatus(400, "rejected_by_pubsub", Optional.empty());
      case OTHER -> new FailureStatus(500, "publish_failed", Optional.empty());
    };
  }

  private static FailureStatus retry(int status, String error, Duration after) {
    return new FailureStatus(status, error, Optional.of(after));
  }
}
