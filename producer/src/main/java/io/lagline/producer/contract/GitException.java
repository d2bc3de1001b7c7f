package io.lagline.producer.contract;

import io.lagline.error.LaglineException;

/** git could not answer: not a repository, git missing, a command that failed. */
public final class GitException extends LaglineException {
  private static final long serialVersionUID = 1L;

  GitException(String message) {
    super(message);
  }
}
