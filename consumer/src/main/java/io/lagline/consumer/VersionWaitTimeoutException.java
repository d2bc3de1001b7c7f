package io.lagline.consumer;

import io.lagline.error.LaglineException;
import java.time.Duration;

/**
 * No notification showed {@code entityKey} at {@code version} or newer within {@code timeout}: the
 * event may still be on its way, dead-lettered, or its outcome filtered out of the stream.
 */
public final class VersionWaitTimeoutException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final String entityKey;
  private final long version;
  private final Duration timeout;

  public VersionWaitTimeoutException(String entityKey, long version, Duration timeout) {
    super(
        "no notification showed entity_key '"
            + entityKey
            + "' at version "
            + version
            + " or newer within "
            + timeout);
    this.entityKey = entityKey;
    this.version = version;
    this.timeout = timeout;
  }

  public String entityKey() {
    return entityKey;
  }

  public long version() {
    return version;
  }

  public Duration timeout() {
    return timeout;
  }
}
