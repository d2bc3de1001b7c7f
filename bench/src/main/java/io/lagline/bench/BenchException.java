package io.lagline.bench;

import io.lagline.error.LaglineException;

/** A scenario broke (not: missed a target): a crash, a stall, a read-back mismatch. */
final class BenchException extends LaglineException {
  private static final long serialVersionUID = 1L;

  BenchException(String message) {
    super(message);
  }

  BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
