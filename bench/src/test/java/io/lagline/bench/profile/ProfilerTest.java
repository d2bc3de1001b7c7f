package io.lagline.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilerTest {
  @Test
  void off_adds_no_flag_and_finishes_nothing() {
    Profiler off = Profiler.off();

    assertThat(off.enabled()).isFalse();
    assertThat(off.jvmOptions("reconciler-drain")).isEmpty();
    off.finish("reconciler-drain");
    assertThat(off.report()).isEmpty();
  }

  @Test
  void on_linux_the_agent_library_is_copied_out_and_named_in_the_flag(@TempDir Path dir) {
    Profiler on = Profiler.into(dir);

    assertThat(Files.isRegularFile(dir.resolve("libasyncProfiler.so"))).isTrue();
    assertThat(on.jvmOptions("reconciler-drain"))
        .singleElement()
        .asString()
        .startsWith("-agentpath:" + dir.resolve("libasyncProfiler.so") + "=start,event=cpu")
        .contains("alloc=", "file=" + dir.resolve("reconciler-drain.jfr"));
  }

  @Test
  void a_process_without_a_recording_is_reported_as_such(@TempDir Path dir) {
    Profiler on = Profiler.into(dir);

    on.finish("reconciler-killed");

    assertThat(on.report()).contains("reconciler-killed", "no recording");
  }

  @Test
  void platforms_map_to_the_jar_folders_and_others_are_refused() {
    assertThat(Profiler.platform("Linux", "amd64")).isEqualTo("linux-x64");
    assertThat(Profiler.platform("Linux", "aarch64")).isEqualTo("linux-arm64");
    assertThatThrownBy(() -> Profiler.platform("Mac OS X", "aarch64"))
        .hasMessageContaining("--profile needs Linux on x64 or arm64");
  }
}
