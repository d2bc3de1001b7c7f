package io.lagline.testkit.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK the child JVMs run on: by default the one running this JVM. */
public final class JavaRuntime {
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

  public static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  /** The {@code java} launcher under {@code javaHome}, or the current one when null. */
  public static Path javaExecutable(Path javaHome) {
    return javaHome == null ? javaExecutable() : javaHome.resolve("bin").resolve("java");
  }

  /**
   * The major version of the JDK at {@code javaHome} (from its {@code release} file), or the
   * current one's.
   */
  public static int featureVersion(Path javaHome) {
    if (javaHome == null) {
      return Runtime.version().feature();
    }
    return releaseVersion(javaHome).orElse(Runtime.version().feature());
  }

  /** JDK versions Cassandra 5.0 runs on. */
  static final java.util.Set<Integer> CASSANDRA_JDKS = java.util.Set.of(11, 17);

  /**
   * The JDK to run Cassandra 5.0 with: {@code configured} when given, else {@code
   * CASSANDRA_JAVA_HOME}, else the current JDK when Cassandra supports it (11 or 17), else the
   * first JDK 17 or 11 under {@code /usr/lib/jvm}; null means the current JDK. So the build can run
   * on JDK 21-25 while the node runs on 17.
   */
  public static Path forCassandra(
      Path configured, java.util.Map<String, String> env, Path jvmDir, int currentFeature) {
    if (configured != null) {
      return configured;
    }
    String fromEnv = env.get("CASSANDRA_JAVA_HOME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    if (CASSANDRA_JDKS.contains(currentFeature)) {
      return null;
    }
    try (java.util.stream.Stream<Path> homes = Files.list(jvmDir)) {
      return homes
          .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
          .filter(home -> releaseVersion(home).filter(CASSANDRA_JDKS::contains).isPresent())
          .sorted(
              java.util.Comparator.comparing((Path home) -> releaseVersion(home).orElse(0))
                  .reversed())
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
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
