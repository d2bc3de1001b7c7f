package io.lagline.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK the child JVMs run on: by default the one running this JVM. */
final class JavaRuntime {
  private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)");

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

  /** The {@code java} launcher under {@code javaHome}, or the current one when null. */
  static Path javaExecutable(Path javaHome) {
    return javaHome == null ? javaExecutable() : javaHome.resolve("bin").resolve("java");
  }

  /**
   * The major version of the JDK at {@code javaHome} (from its {@code release} file), or the
   * current one's.
   */
  static int featureVersion(Path javaHome) {
    if (javaHome == null) {
      return Runtime.version().feature();
    }
    return releaseVersion(javaHome).orElse(Runtime.version().feature());
  }

  private static Optional<Integer> releaseVersion(Path javaHome) {
    try {
      Matcher m = RELEASE_VERSION.matcher(Files.readString(javaHome.resolve("release")));
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
