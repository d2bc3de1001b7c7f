package io.lagline.demo;

import io.lagline.error.LaglineException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the repository's files (the sample config, the alert rules) whether the demo runs from its
 * jar, from Maven, or from the repo root.
 */
final class RepoPaths {
  private static final Path SAMPLE = Path.of("config", "reconciler.yaml");
  private static final Path ALERT_RULES = Path.of("deploy", "prometheus", "alerts.yaml");

  private RepoPaths() {}

  static Path sampleConfig() {
    return find(SAMPLE)
        .orElseThrow(
            () ->
                new LaglineException(
                    "cannot find config/reconciler.yaml: run from the repository, or pass --config"
                        + " FILE"));
  }

  /** {@code deploy/prometheus/alerts.yaml}, the rules the demo's Prometheus evaluates. */
  static Optional<Path> alertRules() {
    return find(ALERT_RULES);
  }

  /**
   * {@code relative} in the working directory or the closest directory above it, else above the
   * code.
   */
  private static Optional<Path> find(Path relative) {
    Optional<Path> found = findAbove(Path.of("").toAbsolutePath(), relative);
    if (found.isPresent()) {
      return found;
    }
    try {
      Path code =
          Path.of(DemoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return findAbove(code, relative);
    } catch (URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> findAbove(Path start, Path relative) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return Optional.of(dir.resolve(relative));
      }
    }
    return Optional.empty();
  }
}
