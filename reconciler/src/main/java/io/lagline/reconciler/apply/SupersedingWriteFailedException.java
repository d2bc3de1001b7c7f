package io.lagline.reconciler.apply;

import io.lagline.error.LaglineException;

/**
 * An event was folded into a newer version's write ({@link Coalescer}) and that write failed. The
 * event itself was never tried: it is redelivered and applied on its own, so this is always
 * transient, whatever the newer write's failure was.
 */
public final class SupersedingWriteFailedException extends LaglineException {
  private static final long serialVersionUID = 1L;

  SupersedingWriteFailedException(Throwable cause) {
    super("a newer version of the entity was written in its place and failed: " + cause, cause);
  }
}
