package io.lagline.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run the Pub/Sub emulator. Start from {@link #defaults()} and change what you need with the {@code with*}
 * methods; each states its default.
 *
 * @param projectId the Google Cloud project id the readiness check uses; must look like a real project id
 * @param maxHeap the emulator JVM's {@code -Xmx} value, e.g. {@code 1g}
 * @param extraJvmOptions more flags for the emulator JVM, appended last
 * @param logCapBytes size at which the emulator's output log stops growing
 * @param startTimeout how long to wait for the emulator to answer
 * @param stopTimeout how long a graceful stop may take before the process is killed
 * @param script the {@code cloud-pubsub-emulator} script, or null to discover it
 */
public record PubSubEmulatorOptions(
    String projectId,
    String maxHeap,
    List<String> extraJvmOptions,
    long logCapBytes,
    Duration startTimeout,
    Duration stopTimeout,
    Path script) {

  public static final String DEFAULT_PROJECT_ID = "demo-project";
  public static final String DEFAULT_MAX_HEAP = "1g";
  public static final long DEFAULT_LOG_CAP_BYTES = 20L * 1024 * 1024;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

  public PubSubEmulatorOptions {
    Objects.requireNonNull(projectId, "projectId");
    if (!PROJECT_ID.matcher(projectId).matches()) {
      throw new IllegalArgumentException(
          "projectId '" + projectId + "' must look like a Google Cloud project id: 6-30 lowercase letters,"
              + " digits or hyphens, starting with a letter (e.g. demo-project)");
    }
    if (maxHeap == null || !HEAP.matcher(maxHeap).matches()) {
      throw new IllegalArgumentException("maxHeap '" + maxHeap + "' must be an -Xmx size such as 512m or 1g");
    }
    extraJvmOptions = List.copyOf(extraJvmOptions);
    if (logCapBytes < 0) {
      throw new IllegalArgumentException("logCapBytes must be >= 0, was " + logCapBytes);
    }
    requirePositive("startTimeout", startTimeout);
    requirePositive("stopTimeout", stopTimeout);
  }

  /** Project {@value #DEFAULT_PROJECT_ID}, 1 GiB heap, 20 MiB log cap, 60 s start timeout, discovered script. */
  public static PubSubEmulatorOptions defaults() {
    return new PubSubEmulatorOptions(
        DEFAULT_PROJECT_ID,
        DEFAULT_MAX_HEAP,
        List.of(),
        DEFAULT_LOG_CAP_BYTES,
        DEFAULT_START_TIMEOUT,
        DEFAULT_STOP_TIMEOUT,
        null);
  }

  /** Default {@value #DEFAULT_PROJECT_ID}. */
  public PubSubEmulatorOptions withProjectId(String value) {
    return new PubSubEmulatorOptions(value, maxHeap, extraJvmOptions, logCapBytes, startTimeout, stopTimeout, script);
  }

  /** Default {@value #DEFAULT_MAX_HEAP}. */
  public PubSubEmulatorOptions withMaxHeap(String value) {
    return new PubSubEmulatorOptions(projectId, value, extraJvmOptions, logCapBytes, startTimeout, stopTimeout, script);
  }

  /** Default none. */
  public PubSubEmulatorOptions withExtraJvmOptions(List<String> value) {
    return new PubSubEmulatorOptions(projectId, maxHeap, value, logCapBytes, startTimeout, stopTimeout, script);
  }

  /** Default 20 MiB. */
  public PubSubEmulatorOptions withLogCapBytes(long value) {
    return new PubSubEmulatorOptions(projectId, maxHeap, extraJvmOptions, value, startTimeout, stopTimeout, script);
  }

  /** Default 60 s. */
  public PubSubEmulatorOptions withStartTimeout(Duration value) {
    return new PubSubEmulatorOptions(projectId, maxHeap, extraJvmOptions, logCapBytes, value, stopTimeout, script);
  }

  /** Default 10 s. */
  public PubSubEmulatorOptions withStopTimeout(Duration value) {
    return new PubSubEmulatorOptions(projectId, maxHeap, extraJvmOptions, logCapBytes, startTimeout, value, script);
  }

  /** Default null: {@code PUBSUB_EMULATOR_BIN}, then the gcloud SDK root, then the usual install paths. */
  public PubSubEmulatorOptions withScript(Path value) {
    return new PubSubEmulatorOptions(projectId, maxHeap, extraJvmOptions, logCapBytes, startTimeout, stopTimeout, value);
  }

  static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }
}
