package io.lagline.producer.cli;

import io.lagline.error.LaglineException;

/** A command line that cannot be run as given: a bad flag value, an unreadable input file. */
final class UsageException extends LaglineException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
