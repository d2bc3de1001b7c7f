package io.lagline.demo.ingest;

import io.lagline.error.LaglineException;

/**
 * A request to the ingest service ended with another status than expected: a valid event not
 * accepted, a broken one not refused, or a {@code 429}/{@code 503} still answered after every
 * retry.
 */
public final class IngestStatusException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int expectedStatus;
  private final String idempotencyKey;

  IngestStatusException(IngestRequest request, int status, String responseBody) {
    super(
        String.format(
            "the ingest service answered %d to request %s (expected %d): %s",
            status, request.idempotencyKey(), request.expectedStatus(), responseBody));
    this.status = status;
    this.expectedStatus = request.expectedStatus();
    this.idempotencyKey = request.idempotencyKey();
  }

  /** The status the request ended with. */
  public int status() {
    return status;
  }

  /** The status it should have ended with. */
  public int expectedStatus() {
    return expectedStatus;
  }

  /** The request's {@code Idempotency-Key}. */
  public String idempotencyKey() {
    return idempotencyKey;
  }
}
