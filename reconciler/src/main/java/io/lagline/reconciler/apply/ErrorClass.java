package io.lagline.reconciler.apply;

import java.util.Locale;

/** How a failure is handled; decided by {@link ErrorClassifier#classify(Throwable)} alone. */
public enum ErrorClass {
  /** Nothing was written; trying again later can succeed (node down, overload, unreachable). */
  TRANSIENT,
  /**
   * The write may or may not have happened (CAS timeout, unknown CAS result, client timeout, the
   * connection lost with the request on the wire): resolved by re-issuing the same conditional
   * write, never guessed.
   */
  AMBIGUOUS,
  /** This event can never be applied as it is (invalid event, payload does not fit the mapping). */
  PERMANENT;

  /** The value of the {@code class} metric tag. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
