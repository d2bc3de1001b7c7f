package io.lagline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The JDK this JVM runs on, which the testkit also uses for its child JVMs. */
final class JavaRuntime {
  private JavaRuntime() {}

  /** The {@code java} launcher of the current JVM. */
  static Path javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .map(Path::of)
        .filter(Files::isExecutable)
        .orElseGet(() -> javaHome().resolve("bin").resolve("java"));
  }

  static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  static int featureVersion() {
    return Runtime.version().feature();
  }
}
