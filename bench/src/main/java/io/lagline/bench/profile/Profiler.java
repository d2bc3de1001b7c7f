package io.lagline.bench.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import one.convert.Arguments;
import one.convert.JfrToFlame;

/**
 * {@code bin/bench --profile}: async-profiler as an agent in each reconciler JVM, sampling CPU and
 * allocations into {@code <dir>/<name>.jfr} from start to exit, then flame graphs of each ({@code
 * <name>-cpu.html}, {@code <name>-alloc.html}) and the top frames ({@link TopFrames}). The agent's
 * native library ships inside async-profiler's jar (Maven Central) and is copied out once. {@link
 * #off()} adds nothing to a JVM.
 */
public final class Profiler {
  /** How many frames of each kind the report lists. */
  static final int TOP = 12;

  private static final String LIBRARY = "libasyncProfiler.so";

  private final Path dir;
  private final Path library;
  private final List<String> report = new ArrayList<>();

  private Profiler(Path dir, Path library) {
    this.dir = dir;
    this.library = library;
  }

  /** No profiling. */
  public static Profiler off() {
    return new Profiler(null, null);
  }

  /**
   * Profiles into {@code dir}.
   *
   * @throws IllegalStateException on a platform async-profiler's jar has no library for
   */
  public static Profiler into(Path dir) {
    String platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
    try {
      Files.createDirectories(dir);
      Path library = dir.resolve(LIBRARY);
      try (InputStream in =
          Profiler.class.getClassLoader().getResourceAsStream(platform + "/" + LIBRARY)) {
        if (in == null) {
          throw new IllegalStateException(
              platform + "/" + LIBRARY + " is not on the class path (async-profiler's jar)");
        }
        Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
      }
      return new Profiler(dir, library);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up profiling under " + dir, e);
    }
  }

  /**
   * async-profiler's folder for a platform: {@code linux-x64} or {@code linux-arm64}.
   *
   * @throws IllegalStateException naming the platform elsewhere
   */
  static String platform(String os, String arch) {
    String name = os.toLowerCase(Locale.ROOT);
    if (name.contains("linux")) {
      if (arch.equals("amd64") || arch.equals("x86_64")) {
        return "linux-x64";
      }
      if (arch.equals("aarch64") || arch.equals("arm64")) {
        return "linux-arm64";
      }
    }
    throw new IllegalStateException(
        "--profile needs Linux on x64 or arm64 (async-profiler's agent); this is "
            + os
            + " on "
            + arch);
  }

  public boolean enabled() {
    return dir != null;
  }

  /** The JVM flags that profile the process called {@code name}; none when off. */
  public List<String> jvmOptions(String name) {
    if (!enabled()) {
      return List.of();
    }
    return List.of(
        "-agentpath:"
            + library
            + "=start,event=cpu,interval=10ms,alloc=512k,file="
            + recording(name));
  }

  /**
   * After the process called {@code name} exited (the agent writes the recording then): its flame
   * graphs and top frames, which go into the report. Does nothing when off or when there is no
   * recording (a process killed with SIGKILL writes none), and says so in the report.
   */
  public synchronized void finish(String name) {
    if (!enabled()) {
      return;
    }
    Path recording = recording(name);
    if (!Files.isRegularFile(recording)) {
      report.add("### " + name + "\n\nno recording (the process did not exit normally)\n");
      return;
    }
    try {
      String in = recording.toString();
      JfrToFlame.convert(in, dir.resolve(name + "-cpu.html").toString(), new Arguments("--cpu"));
      JfrToFlame.convert(
          in, dir.resolve(name + "-alloc.html").toString(), new Arguments("--alloc"));
      Path collapsed = dir.resolve(name + "-cpu.collapsed");
      JfrToFlame.convert(in, collapsed.toString(), new Arguments("--cpu", "-o", "collapsed"));
      Path classified = dir.resolve(name + "-cpu-classified.collapsed");
      JfrToFlame.convert(
          in, classified.toString(), new Arguments("--cpu", "--classify", "-o", "collapsed"));
      report.add(
          section(
              name,
              TopFrames.of(Files.readString(collapsed), TOP),
              TopFrames.roots(Files.readString(classified))));
    } catch (IOException | RuntimeException e) {
      report.add("### " + name + "\n\ncould not convert " + recording + ": " + e + "\n");
    }
  }

  /** The report so far: one section per finished process. */
  public synchronized String report() {
    return String.join("\n", report);
  }

  /** Where the report goes. */
  public Path reportFile() {
    return dir.resolve("top-frames.md");
  }

  private Path recording(String name) {
    return dir.resolve(name + ".jfr");
  }

  static String section(String name, TopFrames top, List<TopFrames.Share> categories) {
    StringBuilder s = new StringBuilder("### ").append(name).append("\n\n");
    s.append(top.samples()).append(" CPU samples (10 ms); flame graphs: ");
    s.append(name).append("-cpu.html, ").append(name).append("-alloc.html\n\n");
    s.append("| share % | what the CPU did (async-profiler's categories) |\n|---:|---|\n");
    categories.forEach(c -> s.append(row(c)));
    s.append('\n');
    s.append("| self % | top frame |\n|---:|---|\n");
    top.self().forEach(f -> s.append(row(f)));
    s.append("\n| total % | Lagline frame |\n|---:|---|\n");
    top.lagline().forEach(f -> s.append(row(f)));
    return s.toString();
  }

  private static String row(TopFrames.Share share) {
    return String.format(Locale.ROOT, "| %.1f | `%s` |%n", share.percent(), share.frame());
  }
}
