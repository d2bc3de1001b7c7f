package io.lagline.ops;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Debian's {@code prometheus} and {@code promtool} ({@code apt-get install -y prometheus},
 * which .ci/run does). Only the binaries are used: each test runs its own Prometheus with a
 * temporary configuration and storage, never the package's service.
 */
final class PrometheusBinaries {
  private PrometheusBinaries() {}

  static Path prometheus() {
    return find("prometheus");
  }

  static Path promtool() {
    return find("promtool");
  }

  private static Path find(String name) {
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          dirs.add(Path.of(dir));
        }
      }
    }
    dirs.add(Path.of("/usr/bin"));
    dirs.add(Path.of("/usr/local/bin"));
    for (Path dir : dirs) {
      Path candidate = dir.resolve(name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        name
            + " not found on PATH, /usr/bin or /usr/local/bin: install Debian's package with"
            + " `apt-get install -y prometheus` (.ci/run does)");
  }
}
