package io.lagline.pubsub;

import io.lagline.error.LaglineException;

/**
 * Pub/Sub cannot be used at all: the emulator is unreachable, or no usable credentials were found.
 */
public final class PubSubConnectionException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final String target;

  public PubSubConnectionException(String target, String message, Throwable cause) {
    super(message, cause);
    this.target = target;
  }

  /** What was being connected to: the emulator's {@code HOST:PORT}, or the Pub/Sub service. */
  public String target() {
    return target;
  }
}
