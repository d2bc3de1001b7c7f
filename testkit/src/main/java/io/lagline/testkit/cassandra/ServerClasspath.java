package io.lagline.testkit.cassandra;

import io.lagline.testkit.TestkitException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The Apache Cassandra server's classpath, which the {@code lagline-cassandra-dist} module resolves
 * at build time and ships as the resource {@value #RESOURCE}: absolute jar paths in the local Maven
 * repository.
 */
final class ServerClasspath {
  static final String RESOURCE = "io/lagline/testkit/cassandra/server.classpath";

  private static String cached;

  private ServerClasspath() {}

  /** The classpath string, after checking every jar on it exists. */
  static synchronized String load() {
    if (cached == null) {
      cached = validate(read());
    }
    return cached;
  }

  static String validate(String classpath) {
    List<String> missing =
        Arrays.stream(classpath.split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .filter(entry -> !Files.isRegularFile(Path.of(entry)))
            .toList();
    if (classpath.isBlank() || !missing.isEmpty()) {
      throw new TestkitException(
          "The Cassandra server classpath ("
              + RESOURCE
              + ") names "
              + (classpath.isBlank()
                  ? "no jars"
                  : missing.size() + " jars that do not exist, first " + missing.get(0))
              + ". Rebuild it with `./mvnw -pl testkit/cassandra-dist install` (drop -o if the jars"
              + " must be downloaded).");
    }
    return classpath.trim();
  }

  private static String read() {
    ClassLoader loader = ServerClasspath.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new TestkitException(
            "The resource "
                + RESOURCE
                + " is missing: add the dependency io.lagline:lagline-cassandra-dist.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE, e);
    }
  }
}
