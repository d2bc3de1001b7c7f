package io.lagline.error;

/**
 * Root of every exception Lagline throws on purpose. Unchecked, so callers handle failures where
 * they can act on them; subtypes carry structured fields (event id, config key, ...) rather than
 * only a message.
 */
public class LaglineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LaglineException(String message) {
    super(message);
  }

  public LaglineException(String message, Throwable cause) {
    super(message, cause);
  }
}
