package io.lagline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code promtool}'s own checks of the rules, their unit tests and the sample configuration. */
class PromtoolIT {
  @Test
  void the_rules_file_is_valid() throws Exception {
    assertThat(promtool("check", "rules", OpsFiles.alertRules()))
        .contains("SUCCESS: " + AlertRules.read(OpsFiles.alertRules()).size() + " rules found");
  }

  @Test
  void every_alert_fires_and_stays_quiet_as_its_unit_tests_expect() throws Exception {
    assertThat(promtool("test", "rules", OpsFiles.alertTests())).contains("SUCCESS");
  }

  @Test
  void the_sample_prometheus_configuration_is_valid() throws Exception {
    assertThat(promtool("check", "config", OpsFiles.sampleConfig()))
        .contains("is valid prometheus config file syntax");
  }

  /** Runs promtool in the file's directory; returns its output, failing on a non-zero exit. */
  private static String promtool(String command, String what, Path file)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    args.add(PrometheusBinaries.promtool().toString());
    args.add(command);
    args.add(what);
    args.add(file.getFileName().toString());
    Process process =
        new ProcessBuilder(args)
            .directory(file.getParent().toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(process.exitValue()).as(String.join(" ", args) + "\n" + output).isZero();
    return output;
  }
}
