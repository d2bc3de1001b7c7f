package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopRequestTest {
  @Test
  void watches_no_launcher_when_none_is_named() {
    assertThat(StopRequest.launcherExit(null)).isEmpty();
    assertThat(StopRequest.launcherExit("")).isEmpty();
    assertThat(StopRequest.launcherExit("12ab")).isEmpty();
  }

  @Test
  void stops_when_the_launcher_is_gone_and_not_while_it_runs() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Process running = new ProcessBuilder("sleep", "60").start();
    try {
      assertThat(StopRequest.launcherExit(Long.toString(gone.pid())).orElseThrow()).isDone();
      var exit = StopRequest.launcherExit(Long.toString(running.pid())).orElseThrow();
      assertThat(exit).isNotDone();

      running.destroy();

      exit.get(10, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      running.destroyForcibly();
    }
  }
}
