package io.lagline.cli;

import io.lagline.error.LaglineException;

/**
 * A command line that cannot be run as given: a bad option value, an unreadable input file. Exits
 * with {@link ExitCodes#USAGE}.
 */
public final class UsageException extends LaglineException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
