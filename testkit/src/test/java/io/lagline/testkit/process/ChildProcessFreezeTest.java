package io.lagline.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Freezing a child process stops it and every descendant, as a launcher script's JVM. */
class ChildProcessFreezeTest {
  private static final Duration GRACE = Duration.ofSeconds(5);

  @Test
  void freeze_stops_the_script_and_its_child_and_thaw_resumes_both(@TempDir Path dir) {
    ChildProcess script = launcher(dir);
    try {
      ProcessHandle child = onlyChild(script);

      script.freeze();
      awaitState(script.pid(), true);
      awaitState(child.pid(), true);
      assertThat(script.isFrozen()).isTrue();

      script.thaw();
      awaitState(script.pid(), false);
      awaitState(child.pid(), false);
      assertThat(script.isFrozen()).isFalse();
    } finally {
      script.kill();
    }
  }

  @Test
  void a_frozen_process_is_thawed_before_a_graceful_stop(@TempDir Path dir) {
    ChildProcess script = launcher(dir);
    script.freeze();

    script.stop(GRACE);

    assertThat(script.isAlive()).isFalse();
    assertThat(script.isFrozen()).isFalse();
  }

  /** {@code bash} waiting on a {@code sleep}: a script with one child, as the emulator's. */
  private static ChildProcess launcher(Path dir) {
    ChildProcess script =
        ChildProcess.start(
            "launcher",
            List.of("bash", "-c", "sleep 120 & wait"),
            Map.of(),
            dir.resolve("out.log"),
            10_000);
    onlyChild(script);
    return script;
  }

  private static ProcessHandle onlyChild(ChildProcess script) {
    ProcessHandle self = ProcessHandle.of(script.pid()).orElseThrow();
    return await("the script's child")
        .atMost(GRACE)
        .until(() -> self.children().findFirst(), java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static void awaitState(long pid, boolean stopped) {
    await(pid + (stopped ? " stopped" : " running"))
        .atMost(GRACE)
        .until(() -> (state(pid) == 'T') == stopped);
  }

  /** The state letter of {@code /proc/<pid>/stat}: T when stopped. */
  private static char state(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2);
    } catch (IOException e) {
      throw new AssertionError("cannot read the state of " + pid, e);
    }
  }
}
