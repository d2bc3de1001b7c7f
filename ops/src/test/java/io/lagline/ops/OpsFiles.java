package io.lagline.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository files this module checks, found from the module's directory upwards. */
final class OpsFiles {
  private OpsFiles() {}

  /** The repository root: the first directory above the module holding {@code grafana/}. */
  static Path root() {
    Path start =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("grafana/dashboards/reconciler.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("grafana/dashboards/reconciler.json not found above " + start);
  }

  static Path dashboard() {
    return root().resolve("grafana/dashboards/reconciler.json");
  }

  static Path grafanaReadme() {
    return root().resolve("grafana/README.md");
  }

  static Path alertRules() {
    return root().resolve("deploy/prometheus/alerts.yaml");
  }

  static Path alertTests() {
    return root().resolve("deploy/prometheus/alerts_test.yaml");
  }

  static Path sampleConfig() {
    return root().resolve("deploy/prometheus/prometheus.yml");
  }

  static Path lagScaledObject() {
    return root().resolve("deploy/k8s/components/keda-lag-scaling/scaledobject.yaml");
  }

  static Path runbook() {
    return root().resolve("docs/RUNBOOK.md");
  }

  static Path mapping() {
    return root().resolve("config/mapping.yaml");
  }

  /** {@code ops/target/<name>}: logs and work files of the integration tests. */
  static Path targetDir(String name) {
    return root().resolve("ops/target").resolve(name);
  }
}
