package io.lagline.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimeTest {
  @TempDir Path jvmDir;

  private Path fakeJdk(String name, String version) throws IOException {
    Path home = Files.createDirectories(jvmDir.resolve(name));
    Files.createDirectories(home.resolve("bin"));
    Path java = Files.writeString(home.resolve("bin").resolve("java"), "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  @Test
  void an_explicit_home_or_the_environment_wins() throws IOException {
    Path explicit = fakeJdk("explicit", "17.0.1");

    assertThat(JavaRuntime.forCassandra(explicit, Map.of("CASSANDRA_JAVA_HOME", "/x"), jvmDir, 25))
        .isEqualTo(explicit);
    assertThat(
            JavaRuntime.forCassandra(null, Map.of("CASSANDRA_JAVA_HOME", "/opt/jdk17"), jvmDir, 25))
        .isEqualTo(Path.of("/opt/jdk17"));
  }

  @Test
  void otherwise_the_current_jdk_if_cassandra_supports_it_else_an_installed_17_or_11()
      throws IOException {
    fakeJdk("jdk-25", "25");
    fakeJdk("jdk-11", "11.0.2");
    Path jdk17 = fakeJdk("jdk-17", "17.0.15");

    assertThat(JavaRuntime.forCassandra(null, Map.of(), jvmDir, 17))
        .as("17 runs Cassandra itself")
        .isNull();
    assertThat(JavaRuntime.forCassandra(null, Map.of(), jvmDir, 25)).isEqualTo(jdk17);
    assertThat(
            JavaRuntime.forCassandra(
                null, Map.of(), Files.createDirectories(jvmDir.resolve("empty")), 25))
        .as("nothing suitable: the current JDK, and Cassandra says why it cannot start")
        .isNull();
  }
}
