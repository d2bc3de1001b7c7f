package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPrometheusTest {
  @TempDir Path dir;

  private final Map<String, String> jobs = new LinkedHashMap<>();

  DemoPrometheusTest() {
    jobs.put("lagline-reconciler", "127.0.0.1:9464");
    jobs.put("lagline-producer", "127.0.0.1:40001");
  }

  @Test
  void scrapes_both_jobs_as_env_demo_and_loads_the_alert_rules() {
    Path rules = RepoPaths.alertRules().orElseThrow();

    String config = DemoPrometheus.config(jobs, Optional.of(rules));

    assertThat(config)
        .contains("rule_files: ['" + rules.toAbsolutePath() + "']")
        .contains("- job_name: lagline-reconciler")
        .contains("- targets: ['127.0.0.1:9464']")
        .contains("- job_name: lagline-producer")
        .contains("- targets: ['127.0.0.1:40001']")
        .contains("labels: {env: demo}");
  }

  @Test
  void writes_a_configuration_promtool_accepts() throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool is not installed");
    Path config =
        Files.writeString(
            dir.resolve("prometheus.yml"), DemoPrometheus.config(jobs, RepoPaths.alertRules()));

    Process check =
        new ProcessBuilder(promtool.toString(), "check", "config", config.toString())
            .redirectErrorStream(true)
            .start();

    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
  }
}
