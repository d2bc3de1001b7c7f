package io.lagline.testkit.pubsub;

import io.lagline.testkit.FreePorts;
import io.lagline.testkit.TestkitException;
import io.lagline.testkit.process.ChildProcess;
import io.lagline.testkit.process.JavaRuntime;
import io.lagline.testkit.process.OrphanGuardJar;
import io.lagline.testkit.process.Readiness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official Google Cloud Pub/Sub emulator ({@code cloud-pubsub-emulator} from the Cloud SDK)
 * running as a child process on a free loopback port, with a capped heap and a capped output log.
 * {@link #start} returns once the emulator answers a ListTopics call.
 */
public final class PubSubEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PubSubEmulator.class);
  private static final String LOOPBACK = "127.0.0.1";
  private static final Duration PROBE_CALL_TIMEOUT = Duration.ofSeconds(5);

  private final PubSubEmulatorOptions options;
  private final int port;
  private final Path logFile;
  private final ChildProcess process;
  private final Duration startupTime;

  private PubSubEmulator(
      PubSubEmulatorOptions options,
      int port,
      Path logFile,
      ChildProcess process,
      Duration startupTime) {
    this.options = options;
    this.port = port;
    this.logFile = logFile;
    this.process = process;
    this.startupTime = startupTime;
  }

  /**
   * The emulator start script, if installed: {@code PUBSUB_EMULATOR_BIN}, else {@code <gcloud SDK
   * root>/platform/pubsub-emulator/bin/cloud-pubsub-emulator}, else the same under the usual
   * install paths.
   */
  public static Optional<Path> findScript() {
    return EmulatorScriptLocator.system().locate();
  }

  /**
   * Starts the emulator and waits until it answers.
   *
   * @param logDir where {@code pubsub-emulator.log} goes; created if missing
   * @throws TestkitException when the script is missing, or the emulator exits or stays silent
   *     while starting
   */
  public static PubSubEmulator start(PubSubEmulatorOptions options, Path logDir) {
    Path installed =
        options.script() != null ? options.script() : EmulatorScriptLocator.system().require();
    Path script = options.fixStreamClose() ? EmulatorStreamFix.fixedIfNeeded(installed) : installed;
    int port = FreePorts.pick();
    Path logFile = logDir.resolve("pubsub-emulator.log");
    long started = System.nanoTime();
    ChildProcess process =
        ChildProcess.start(
            "pubsub-emulator",
            command(script, port),
            environment(options),
            logFile,
            options.logCapBytes());
    String host = LOOPBACK + ":" + port;
    try {
      awaitAnswer(options, process, port);
    } catch (RuntimeException e) {
      process.kill();
      throw e;
    }
    Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
    LOG.info("Pub/Sub emulator up on {} in {} ms (log: {})", host, startupTime.toMillis(), logFile);
    return new PubSubEmulator(options, port, logFile, process, startupTime);
  }

  /** {@code 127.0.0.1:<port>}, the value for {@code PUBSUB_EMULATOR_HOST}. */
  public String host() {
    return LOOPBACK + ":" + port;
  }

  public int port() {
    return port;
  }

  public String projectId() {
    return options.projectId();
  }

  /** The emulator's captured stdout and stderr. */
  public Path logFile() {
    return logFile;
  }

  /** From launching the script to the first answered call. */
  public Duration startupTime() {
    return startupTime;
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Freezes the emulator's JVM and its launcher script (SIGSTOP): the process stays alive and its
   * port open, so calls and new connections hang rather than fail. {@link #thaw()}, {@link #stop()}
   * and {@link #close()} resume it.
   *
   * @throws IllegalStateException when the emulator is not running
   */
  public void freeze() {
    if (!process.isAlive()) {
      throw new IllegalStateException("Pub/Sub emulator on " + host() + " is not running");
    }
    process.freeze();
    LOG.info("Pub/Sub emulator on {} frozen (SIGSTOP)", host());
  }

  /** Resumes a frozen emulator (SIGCONT); does nothing when it is not frozen. */
  public void thaw() {
    if (process.isFrozen()) {
      process.thaw();
      LOG.info("Pub/Sub emulator on {} thawed (SIGCONT)", host());
    }
  }

  /**
   * Stops the emulator (thawing it first if frozen; SIGTERM, then SIGKILL after the stop timeout).
   * Topics and messages are lost.
   */
  public void stop() {
    if (process.isAlive()) {
      process.stop(options.stopTimeout());
      LOG.debug("Pub/Sub emulator on {} stopped", host());
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static List<String> command(Path script, int port) {
    return List.of(script.toString(), "--host=" + LOOPBACK, "--port=" + port);
  }

  private static Map<String, String> environment(PubSubEmulatorOptions options) {
    List<String> jvm = new ArrayList<>();
    jvm.add("-Xmx" + options.maxHeap());
    jvm.add("-XX:+ExitOnOutOfMemoryError");
    jvm.add(OrphanGuardJar.javaAgentFlag());
    jvm.addAll(options.extraJvmOptions());
    Map<String, String> env = new HashMap<>();
    // the script runs $JAVA_HOME/bin/java: use this JVM's JDK rather than whatever is on the PATH
    env.put("JAVA_HOME", JavaRuntime.javaHome().toString());
    // the script appends CLOUD_PUBSUB_EMULATOR_OPTS after JAVA_OPTS; drop an inherited JAVA_OPTS
    // (say, a CI's
    // -Xmx8g) so the heap cap is ours alone
    env.put("JAVA_OPTS", null);
    env.put("CLOUD_PUBSUB_EMULATOR_OPTS", String.join(" ", jvm));
    return env;
  }

  private static void awaitAnswer(PubSubEmulatorOptions options, ChildProcess process, int port) {
    awaitAnswer(LOOPBACK + ":" + port, options.projectId(), options.startTimeout(), process);
  }

  /**
   * Waits until the emulator at {@code host} answers a call, or {@code process} (when given) dies.
   * The client's connection checks that the port is open, so it is made on the first probe that
   * finds it open.
   */
  public static void awaitAnswer(
      String host, String projectId, Duration timeout, ChildProcess process) {
    AtomicReference<PubSubTestResources> client = new AtomicReference<>();
    try {
      Readiness.await(
          "Pub/Sub emulator at " + host,
          timeout,
          process,
          null,
          () -> {
            if (client.get() == null) {
              client.set(PubSubTestResources.connect(host, projectId));
            }
            client.get().listTopics(PROBE_CALL_TIMEOUT);
          });
    } finally {
      if (client.get() != null) {
        client.get().close();
      }
    }
  }
}
