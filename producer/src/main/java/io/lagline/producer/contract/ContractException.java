package io.lagline.producer.contract;

import io.lagline.error.LaglineException;

/** A contract file that cannot be read as a schema: not JSON, not an object, a bad file name. */
public final class ContractException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final String file;

  ContractException(String file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  /** The file, as {@code <origin>:<type>/<version>.json}. */
  public String file() {
    return file;
  }
}
