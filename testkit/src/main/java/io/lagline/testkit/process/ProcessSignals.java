package io.lagline.testkit.process;

import io.lagline.testkit.TestkitException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Sends a POSIX signal the JDK has no API for (STOP, CONT) to a process and all its descendants,
 * with {@code kill}: a launcher script's JVM is a descendant of the script, and freezing only the
 * script would leave the JVM running.
 */
final class ProcessSignals {
  private static final long KILL_TIMEOUT_SECONDS = 10;

  private ProcessSignals() {}

  /**
   * Runs {@code kill -<signal> <pid>...} for {@code root} and every live descendant.
   *
   * @param signal a signal name without {@code SIG}, e.g. {@code STOP} or {@code CONT}
   * @throws TestkitException when {@code kill} fails or does not finish
   */
  static void send(String signal, ProcessHandle root) {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    Stream.concat(Stream.of(root), root.descendants())
        .filter(ProcessHandle::isAlive)
        .forEach(p -> command.add(Long.toString(p.pid())));
    if (command.size() == 2) {
      return;
    }
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!kill.waitFor(KILL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        throw new TestkitException(String.join(" ", command) + " did not finish");
      }
      if (kill.exitValue() != 0) {
        String output = new String(kill.getInputStream().readAllBytes()).trim();
        throw new TestkitException(
            String.join(" ", command) + " exited " + kill.exitValue() + ": " + output);
      }
    } catch (IOException e) {
      throw new TestkitException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestkitException("interrupted while running " + String.join(" ", command), e);
    }
  }
}
