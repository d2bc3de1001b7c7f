package io.lagline.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OrphanGuardIT {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void a_child_jvm_exits_when_its_parent_is_killed_without_running_shutdown_hooks(@TempDir Path dir)
      throws Exception {
    Process parent =
        new ProcessBuilder(
                JavaRuntime.javaExecutable().toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanGuardFixture.class.getName(),
                dir.resolve("guard.jar").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long childPid;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      childPid = Long.parseLong(out.readLine().replace("child-pid=", "").trim());
    }
    ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
    try {
      assertThat(child.isAlive()).isTrue();

      parent.destroyForcibly();
      assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(child.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    } finally {
      child.destroyForcibly();
      parent.destroyForcibly();
    }
  }
}
