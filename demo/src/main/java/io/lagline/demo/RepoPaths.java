package io.lagline.demo;

import io.lagline.error.LaglineException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's sample config whether the demo runs from its jar, from Maven, or from the
 * repo root.
 */
final class RepoPaths {
  private static final Path SAMPLE = Path.of("config", "reconciler.yaml");

  private RepoPaths() {}

  static Path sampleConfig() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(SAMPLE))) {
        return dir.resolve(SAMPLE);
      }
    }
    try {
      Path code =
          Path.of(DemoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = code; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve(SAMPLE))) {
          return dir.resolve(SAMPLE);
        }
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall through to the error below
    }
    throw new LaglineException(
        "cannot find config/reconciler.yaml: run from the repository, or pass --config FILE");
  }
}
