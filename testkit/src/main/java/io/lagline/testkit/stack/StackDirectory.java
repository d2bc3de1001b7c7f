package io.lagline.testkit.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates and deletes the directory that holds one stack's logs and data. */
final class StackDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(StackDirectory.class);

  private StackDirectory() {}

  /**
   * {@code parent/lagline-stack-*}, or the same under {@code java.io.tmpdir} when {@code parent} is
   * null.
   */
  static Path create(Path parent) {
    try {
      if (parent == null) {
        return Files.createTempDirectory("lagline-stack-").toAbsolutePath();
      }
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "lagline-stack-").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a stack directory under " + parent, e);
    }
  }

  /**
   * Deletes {@code dir} and everything in it; logs and goes on when something cannot be deleted.
   */
  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(StackDirectory::deleteQuietly);
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", dir, e.toString());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", path, e.toString());
    }
  }
}
