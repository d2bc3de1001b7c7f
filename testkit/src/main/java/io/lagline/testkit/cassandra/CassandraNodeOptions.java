package io.lagline.testkit.cassandra;

import io.lagline.testkit.OptionChecks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to run the local Cassandra node. {@link #defaults()} suits tests on a small machine; {@link
 * #builder()} changes single settings, each setter stating its default.
 *
 * @param clusterName {@code cluster_name}
 * @param numTokens {@code num_tokens}
 * @param minHeap {@code -Xms}
 * @param maxHeap {@code -Xmx}
 * @param gcOptions garbage-collector flags
 * @param extraJvmOptions more JVM flags, appended last (so they win)
 * @param authenticator allow-all or password authentication
 * @param paxosVariant {@code paxos_variant}: {@code v1} or {@code v2}
 * @param commitLogSync when the commit log is synced, which decides what {@link
 *     CassandraNode#kill()} loses
 * @param commitLogSyncWindow the period ({@code PERIODIC}) or window ({@code GROUP}) of commit-log
 *     syncs
 * @param writeTimeout {@code write_request_timeout}
 * @param casContentionTimeout {@code cas_contention_timeout}
 * @param readTimeout {@code read_request_timeout}
 * @param startTimeout how long to wait for the node to answer CQL
 * @param stopTimeout how long a graceful stop (drain) may take before the process is killed
 * @param logCapBytes size at which the node's captured stdout/stderr stops growing
 * @param javaHome the JDK to run the node with, or null for the one running the tests
 * @param clientEncryption the certificates of a TLS-only native port ({@code
 *     client_encryption_options}), or null for plaintext
 */
public record CassandraNodeOptions(
    String clusterName,
    int numTokens,
    String minHeap,
    String maxHeap,
    List<String> gcOptions,
    List<String> extraJvmOptions,
    CassandraAuthenticator authenticator,
    String paxosVariant,
    CommitLogSync commitLogSync,
    Duration commitLogSyncWindow,
    Duration writeTimeout,
    Duration casContentionTimeout,
    Duration readTimeout,
    Duration startTimeout,
    Duration stopTimeout,
    long logCapBytes,
    Path javaHome,
    TestCertificates clientEncryption) {

  public static final String DEFAULT_CLUSTER_NAME = "lagline-test";
  public static final int DEFAULT_NUM_TOKENS = 16;
  public static final String DEFAULT_MIN_HEAP = "512m";
  public static final String DEFAULT_MAX_HEAP = "1g";

  /** Serial GC starts fastest and suits a 1 GiB heap on two cores. */
  public static final List<String> DEFAULT_GC_OPTIONS = List.of("-XX:+UseSerialGC");

  public static final String DEFAULT_PAXOS_VARIANT = "v2";

  /**
   * Cassandra's own default: writes do not wait for fsync. GROUP made every Paxos round wait for a
   * commit-log sync and capped LWTs near 250/s here; choose it only for tests that {@link
   * CassandraNode#kill()} the node.
   */
  public static final CommitLogSync DEFAULT_COMMIT_LOG_SYNC = CommitLogSync.PERIODIC;

  public static final Duration DEFAULT_COMMIT_LOG_SYNC_WINDOW = Duration.ofSeconds(10);
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CAS_CONTENTION_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(60);
  public static final long DEFAULT_LOG_CAP_BYTES = 20L * 1024 * 1024;

  private static final Set<String> PAXOS_VARIANTS = Set.of("v1", "v2");

  public CassandraNodeOptions {
    if (clusterName == null || !clusterName.matches("[^\\p{Cntrl}]{1,64}")) {
      throw new IllegalArgumentException(
          "clusterName '" + clusterName + "' must be 1-64 characters without control characters");
    }
    if (numTokens < 1 || numTokens > 256) {
      throw new IllegalArgumentException("numTokens must be between 1 and 256, was " + numTokens);
    }
    OptionChecks.requireHeapSize("minHeap", minHeap);
    OptionChecks.requireHeapSize("maxHeap", maxHeap);
    gcOptions = List.copyOf(gcOptions);
    extraJvmOptions = List.copyOf(extraJvmOptions);
    Objects.requireNonNull(authenticator, "authenticator");
    if (!PAXOS_VARIANTS.contains(paxosVariant)) {
      throw new IllegalArgumentException(
          "paxosVariant must be one of " + PAXOS_VARIANTS + ", was " + paxosVariant);
    }
    Objects.requireNonNull(commitLogSync, "commitLogSync");
    OptionChecks.requirePositive("commitLogSyncWindow", commitLogSyncWindow);
    OptionChecks.requirePositive("writeTimeout", writeTimeout);
    OptionChecks.requirePositive("casContentionTimeout", casContentionTimeout);
    OptionChecks.requirePositive("readTimeout", readTimeout);
    OptionChecks.requirePositive("startTimeout", startTimeout);
    OptionChecks.requirePositive("stopTimeout", stopTimeout);
    OptionChecks.requireNonNegative("logCapBytes", logCapBytes);
  }

  public static CassandraNodeOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.clusterName = clusterName;
    b.numTokens = numTokens;
    b.minHeap = minHeap;
    b.maxHeap = maxHeap;
    b.gcOptions = gcOptions;
    b.extraJvmOptions = extraJvmOptions;
    b.authenticator = authenticator;
    b.paxosVariant = paxosVariant;
    b.commitLogSync = commitLogSync;
    b.commitLogSyncWindow = commitLogSyncWindow;
    b.writeTimeout = writeTimeout;
    b.casContentionTimeout = casContentionTimeout;
    b.readTimeout = readTimeout;
    b.startTimeout = startTimeout;
    b.stopTimeout = stopTimeout;
    b.logCapBytes = logCapBytes;
    b.javaHome = javaHome;
    b.clientEncryption = clientEncryption;
    return b;
  }

  /** Builds {@link CassandraNodeOptions}; unset values keep their defaults. */
  public static final class Builder {
    private String clusterName = DEFAULT_CLUSTER_NAME;
    private int numTokens = DEFAULT_NUM_TOKENS;
    private String minHeap = DEFAULT_MIN_HEAP;
    private String maxHeap = DEFAULT_MAX_HEAP;
    private List<String> gcOptions = DEFAULT_GC_OPTIONS;
    private List<String> extraJvmOptions = List.of();
    private CassandraAuthenticator authenticator = CassandraAuthenticator.ALLOW_ALL;
    private String paxosVariant = DEFAULT_PAXOS_VARIANT;
    private CommitLogSync commitLogSync = DEFAULT_COMMIT_LOG_SYNC;
    private Duration commitLogSyncWindow = DEFAULT_COMMIT_LOG_SYNC_WINDOW;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private Duration casContentionTimeout = DEFAULT_CAS_CONTENTION_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
    private long logCapBytes = DEFAULT_LOG_CAP_BYTES;
    private Path javaHome;
    private TestCertificates clientEncryption;

    private Builder() {}

    /** Default {@value CassandraNodeOptions#DEFAULT_CLUSTER_NAME}. */
    public Builder clusterName(String value) {
      clusterName = value;
      return this;
    }

    /** Default {@value CassandraNodeOptions#DEFAULT_NUM_TOKENS}. */
    public Builder numTokens(int value) {
      numTokens = value;
      return this;
    }

    /** Default {@value CassandraNodeOptions#DEFAULT_MIN_HEAP}. */
    public Builder minHeap(String value) {
      minHeap = value;
      return this;
    }

    /** Default {@value CassandraNodeOptions#DEFAULT_MAX_HEAP}. */
    public Builder maxHeap(String value) {
      maxHeap = value;
      return this;
    }

    /**
     * Default {@code -XX:+UseSerialGC}; e.g. {@code -XX:+UseG1GC} for benchmarks closer to
     * production.
     */
    public Builder gcOptions(List<String> value) {
      gcOptions = value;
      return this;
    }

    /** Default none. */
    public Builder extraJvmOptions(List<String> value) {
      extraJvmOptions = value;
      return this;
    }

    /** Default {@link CassandraAuthenticator#ALLOW_ALL}. */
    public Builder authenticator(CassandraAuthenticator value) {
      authenticator = value;
      return this;
    }

    /** Default {@value CassandraNodeOptions#DEFAULT_PAXOS_VARIANT}. */
    public Builder paxosVariant(String value) {
      paxosVariant = value;
      return this;
    }

    /**
     * Default {@link CommitLogSync#PERIODIC}; {@link CommitLogSync#GROUP} for tests that {@link
     * CassandraNode#kill()} the node and expect acknowledged writes to survive.
     */
    public Builder commitLogSync(CommitLogSync value) {
      commitLogSync = value;
      return this;
    }

    /**
     * Default 10 s, the sync period; with {@link CommitLogSync#GROUP} use a window such as 15 ms.
     */
    public Builder commitLogSyncWindow(Duration value) {
      commitLogSyncWindow = value;
      return this;
    }

    /** Default 5 s (Cassandra's own default is 2 s, tight on a busy two-core machine). */
    public Builder writeTimeout(Duration value) {
      writeTimeout = value;
      return this;
    }

    /** Default 3 s (Cassandra's own default is 1 s). */
    public Builder casContentionTimeout(Duration value) {
      casContentionTimeout = value;
      return this;
    }

    /** Default 10 s. */
    public Builder readTimeout(Duration value) {
      readTimeout = value;
      return this;
    }

    /** Default 120 s. */
    public Builder startTimeout(Duration value) {
      startTimeout = value;
      return this;
    }

    /** Default 60 s. */
    public Builder stopTimeout(Duration value) {
      stopTimeout = value;
      return this;
    }

    /** Default 20 MiB. */
    public Builder logCapBytes(long value) {
      logCapBytes = value;
      return this;
    }

    /** Default null: the JDK running this JVM. Cassandra 5.0 supports JDK 11 and 17. */
    public Builder javaHome(Path value) {
      javaHome = value;
      return this;
    }

    /**
     * Default null: plaintext CQL. With certificates (e.g. {@link TestCertificates#create}), the
     * native port speaks TLS only ({@code optional: false}), as managed services do.
     */
    public Builder clientEncryption(TestCertificates value) {
      clientEncryption = value;
      return this;
    }

    public CassandraNodeOptions build() {
      return new CassandraNodeOptions(
          clusterName,
          numTokens,
          minHeap,
          maxHeap,
          gcOptions,
          extraJvmOptions,
          authenticator,
          paxosVariant,
          commitLogSync,
          commitLogSyncWindow,
          writeTimeout,
          casContentionTimeout,
          readTimeout,
          startTimeout,
          stopTimeout,
          logCapBytes,
          javaHome,
          clientEncryption);
    }
  }
}
