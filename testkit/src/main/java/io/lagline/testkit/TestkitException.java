package io.lagline.testkit;

import io.lagline.error.LaglineException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Local infrastructure could not be found, started or reached. The message says what to do about
 * it; {@link #logFile()} names the log that explains a failed start, when there is one.
 */
public class TestkitException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final transient Path logFile;

  public TestkitException(String message) {
    this(message, (Path) null, null);
  }

  public TestkitException(String message, Throwable cause) {
    this(message, null, cause);
  }

  public TestkitException(String message, Path logFile, Throwable cause) {
    super(message, cause);
    this.logFile = logFile;
  }

  /** The log file of the process that failed, if the failure came from a child process. */
  public Optional<Path> logFile() {
    return Optional.ofNullable(logFile);
  }
}
