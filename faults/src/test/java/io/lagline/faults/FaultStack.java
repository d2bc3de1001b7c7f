package io.lagline.faults;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every scenario of a test class shares: one local stack (a real Pub/Sub emulator and a real
 * Cassandra node), an admin connection to the emulator, and a reader session to Cassandra that
 * connects directly (never through a fault proxy).
 */
final class FaultStack implements AutoCloseable {
  /** System property naming the output directory, absolute or relative to this module. */
  static final String OUT_PROPERTY = "faults.out";

  private final LocalStack stack;
  private final PubSubTestResources pubsub;
  private volatile CqlSession reader;

  FaultStack(LocalStack stack) {
    this.stack = stack;
    this.pubsub = stack.connectPubSub();
    this.reader = stack.cassandra().sessionBuilder().build();
  }

  LocalStack stack() {
    return stack;
  }

  PubSubTestResources pubsub() {
    return pubsub;
  }

  /** The session the checks read with. */
  CqlSession reader() {
    return reader;
  }

  /** Replaces the reader session, after the node was restarted. */
  void reopenReader() {
    CqlSession old = reader;
    reader = stack.cassandra().sessionBuilder().build();
    old.close();
  }

  /** This module's directory (Failsafe runs in it; {@code basedir} names it). */
  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  /** The repository's mapping, {@code config/mapping.yaml}. */
  static Path mappingFile() {
    for (Path dir = moduleDir(); dir != null; dir = dir.getParent()) {
      Path mapping = dir.resolve("config").resolve("mapping.yaml");
      if (Files.isRegularFile(mapping)) {
        return mapping;
      }
    }
    throw new IllegalStateException("config/mapping.yaml not found above " + moduleDir());
  }

  /**
   * Where the table and the logs go: the directory {@value #OUT_PROPERTY} names ({@code bin/faults
   * --out}), else {@code target}.
   */
  static Path outDir() {
    String out = System.getProperty(OUT_PROPERTY, "");
    return out.isBlank()
        ? moduleDir().resolve("target")
        : moduleDir().resolve(out.trim()).toAbsolutePath();
  }

  /** {@code <out>/fault-logs/<scenario>}: the reconciler logs of one scenario. */
  static Path logDir(String scenario) {
    return outDir().resolve("fault-logs").resolve(scenario);
  }

  /** {@code <out>/fault-table.md}. */
  static Path tableFile() {
    return outDir().resolve("fault-table.md");
  }

  @Override
  public void close() {
    reader.close();
    pubsub.close();
  }
}
