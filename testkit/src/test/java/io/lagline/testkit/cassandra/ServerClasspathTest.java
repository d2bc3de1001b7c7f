package io.lagline.testkit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.testkit.TestkitException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerClasspathTest {

  @Test
  void the_shipped_classpath_holds_cassandra_5_0_and_the_servers_own_logback() {
    String classpath = ServerClasspath.load();

    assertThat(classpath.split(File.pathSeparator))
        .anyMatch(entry -> entry.endsWith("cassandra-all-5.0.6.jar"))
        .anyMatch(entry -> entry.endsWith("logback-classic-1.2.12.jar"))
        .anyMatch(entry -> entry.endsWith("logback-core-1.2.12.jar"))
        .noneMatch(entry -> entry.contains("logback-classic-1.5"));
  }

  @Test
  void a_missing_jar_is_reported_with_how_to_rebuild(@TempDir Path dir) throws Exception {
    Path present = Files.createFile(dir.resolve("present.jar"));
    String classpath = present + File.pathSeparator + dir.resolve("gone.jar");

    assertThatThrownBy(() -> ServerClasspath.validate(classpath))
        .isInstanceOf(TestkitException.class)
        .hasMessageContaining("1 jars that do not exist, first " + dir.resolve("gone.jar"))
        .hasMessageContaining("./mvnw -pl testkit/cassandra-dist install");
  }
}
