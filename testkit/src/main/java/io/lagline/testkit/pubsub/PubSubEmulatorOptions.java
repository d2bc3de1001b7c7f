package io.lagline.testkit.pubsub;

import io.lagline.testkit.OptionChecks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run the Pub/Sub emulator. {@link #defaults()} suits tests; {@link #builder()} changes
 * single settings, each setter stating its default.
 *
 * @param projectId the Google Cloud project id the readiness check uses; must look like a real
 *     project id
 * @param maxHeap the emulator JVM's {@code -Xmx} value, e.g. {@code 1g}
 * @param extraJvmOptions more flags for the emulator JVM, appended last
 * @param logCapBytes size at which the emulator's output log stops growing
 * @param startTimeout how long to wait for the emulator to answer
 * @param stopTimeout how long a graceful stop may take before the process is killed
 * @param script the {@code cloud-pubsub-emulator} script, or null to discover it
 * @param fixStreamClose run a copy of the emulator fixed for closing streaming pulls when the
 *     script's emulator has that defect (see {@link EmulatorStreamFix}); false runs it as installed
 */
public record PubSubEmulatorOptions(
    String projectId,
    String maxHeap,
    List<String> extraJvmOptions,
    long logCapBytes,
    Duration startTimeout,
    Duration stopTimeout,
    Path script,
    boolean fixStreamClose) {

  public static final String DEFAULT_PROJECT_ID = "demo-project";
  public static final String DEFAULT_MAX_HEAP = "1g";
  public static final long DEFAULT_LOG_CAP_BYTES = 20L * 1024 * 1024;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");

  public PubSubEmulatorOptions {
    requireProjectId(projectId);
    OptionChecks.requireHeapSize("maxHeap", maxHeap);
    extraJvmOptions = List.copyOf(extraJvmOptions);
    OptionChecks.requireNonNegative("logCapBytes", logCapBytes);
    OptionChecks.requirePositive("startTimeout", startTimeout);
    OptionChecks.requirePositive("stopTimeout", stopTimeout);
  }

  public static PubSubEmulatorOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .projectId(projectId)
        .maxHeap(maxHeap)
        .extraJvmOptions(extraJvmOptions)
        .logCapBytes(logCapBytes)
        .startTimeout(startTimeout)
        .stopTimeout(stopTimeout)
        .script(script)
        .fixStreamClose(fixStreamClose);
  }

  public static void requireProjectId(String projectId) {
    Objects.requireNonNull(projectId, "projectId");
    if (!PROJECT_ID.matcher(projectId).matches()) {
      throw new IllegalArgumentException(
          "projectId '"
              + projectId
              + "' must look like a Google Cloud project id: 6-30 lowercase letters, digits or"
              + " hyphens, starting with a letter (e.g. demo-project)");
    }
  }

  /** Builds {@link PubSubEmulatorOptions}; unset values keep their defaults. */
  public static final class Builder {
    private String projectId = DEFAULT_PROJECT_ID;
    private String maxHeap = DEFAULT_MAX_HEAP;
    private List<String> extraJvmOptions = List.of();
    private long logCapBytes = DEFAULT_LOG_CAP_BYTES;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
    private Path script;
    private boolean fixStreamClose = true;

    private Builder() {}

    /** Default {@value PubSubEmulatorOptions#DEFAULT_PROJECT_ID}. */
    public Builder projectId(String value) {
      projectId = value;
      return this;
    }

    /** Default {@value PubSubEmulatorOptions#DEFAULT_MAX_HEAP}. */
    public Builder maxHeap(String value) {
      maxHeap = value;
      return this;
    }

    /** Default none. */
    public Builder extraJvmOptions(List<String> value) {
      extraJvmOptions = value;
      return this;
    }

    /** Default 20 MiB. */
    public Builder logCapBytes(long value) {
      logCapBytes = value;
      return this;
    }

    /** Default 60 s. */
    public Builder startTimeout(Duration value) {
      startTimeout = value;
      return this;
    }

    /** Default 10 s. */
    public Builder stopTimeout(Duration value) {
      stopTimeout = value;
      return this;
    }

    /**
     * Default null: {@code PUBSUB_EMULATOR_BIN}, then the gcloud SDK root, then the usual install
     * paths.
     */
    public Builder script(Path value) {
      script = value;
      return this;
    }

    /**
     * Default true: when the emulator is the Cloud SDK 528 one that never closes a dropped
     * streaming pull, run a fixed copy of it instead; false runs the emulator exactly as installed
     * (to show what the reconciler does on it).
     */
    public Builder fixStreamClose(boolean value) {
      fixStreamClose = value;
      return this;
    }

    public PubSubEmulatorOptions build() {
      return new PubSubEmulatorOptions(
          projectId,
          maxHeap,
          extraJvmOptions,
          logCapBytes,
          startTimeout,
          stopTimeout,
          script,
          fixStreamClose);
    }
  }
}
