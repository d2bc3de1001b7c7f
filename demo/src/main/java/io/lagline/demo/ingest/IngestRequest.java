package io.lagline.demo.ingest;

import java.util.Objects;

/**
 * One {@code POST /v1/events} to send.
 *
 * @param idempotencyKey sent as {@code Idempotency-Key}, so that a retry cannot publish twice
 * @param body the request body: one event in the producer's JSON-lines shape, or a broken one
 * @param valid whether the body keeps the contract: a valid request must be answered {@code 202},
 *     an invalid one {@code 400}
 */
public record IngestRequest(String idempotencyKey, String body, boolean valid) {
  public IngestRequest {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(body, "body");
  }

  /** The status this request must end with. */
  public int expectedStatus() {
    return valid ? 202 : 400;
  }
}
