package io.lagline.producer.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ingest service answers: a status, a JSON body and, for {@code 429} and {@code 503}, how
 * long to wait before retrying.
 *
 * @param retryAfter the {@code Retry-After} header, when a retry later may succeed
 */
public record Reply(int status, JsonNode body, Optional<Duration> retryAfter) {
  public Reply {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** A reply without {@code Retry-After}. */
  public static Reply of(int status, JsonNode body) {
    return new Reply(status, body, Optional.empty());
  }

  /**
   * Whether a retried request with the same {@code Idempotency-Key} must get this reply again:
   * accepted events and permanent refusals are kept; a {@code 429} or a {@code 5xx} is not, so that
   * a retry publishes.
   */
  public boolean replayable() {
    return status < 500 && status != 429;
  }
}
