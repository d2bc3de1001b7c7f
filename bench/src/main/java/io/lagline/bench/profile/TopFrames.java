package io.lagline.bench.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the samples of one profile went, from async-profiler's collapsed stacks (one line per
 * distinct stack: {@code root;...;leaf count}): the frames that were on top of the stack most often
 * (self), and the Lagline frames that were anywhere on it most often (total). Pure.
 *
 * @param samples every sample of the profile
 * @param self the top frames by self share, most first
 * @param lagline Lagline's own frames by total share, most first
 */
public record TopFrames(long samples, List<Share> self, List<Share> lagline) {
  /** The prefix of Lagline's frames in a collapsed stack. */
  static final String LAGLINE = "io/lagline/";

  public TopFrames {
    self = List.copyOf(self);
    lagline = List.copyOf(lagline);
  }

  /**
   * A frame and its share of the samples.
   *
   * @param frame e.g. {@code io/lagline/reconciler/apply/EventApplier.apply}
   * @param samples how many samples had it (on top, or anywhere)
   * @param percent that, of all samples
   */
  public record Share(String frame, long samples, double percent) {}

  /** The {@code limit} top frames of each kind in {@code collapsed}. */
  public static TopFrames of(String collapsed, int limit) {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    long samples = 0;
    for (String line : collapsed.split("\n")) {
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        continue;
      }
      long count;
      try {
        count = Long.parseLong(line.substring(space + 1).trim());
      } catch (NumberFormatException e) {
        continue;
      }
      String[] frames = line.substring(0, space).split(";");
      samples += count;
      self.merge(clean(frames[frames.length - 1]), count, Long::sum);
      Set<String> seen = new HashSet<>();
      for (String raw : frames) {
        String frame = clean(raw);
        if (frame.startsWith(LAGLINE) && seen.add(frame)) {
          total.merge(frame, count, Long::sum);
        }
      }
    }
    return new TopFrames(samples, top(self, samples, limit), top(total, samples, limit));
  }

  /**
   * The shares of the stacks' root frames: with {@code jfr-converter --classify}, the category each
   * sample was put in ({@code [jit]} compiled Java, {@code [Interpreter]}, {@code [c1_comp]} and
   * {@code [c2_comp]} compiling, {@code [class_load]}, {@code [vm]}, {@code [native]}...).
   */
  public static List<Share> roots(String collapsed) {
    Map<String, Long> roots = new HashMap<>();
    long samples = 0;
    for (String line : collapsed.split("\n")) {
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        continue;
      }
      try {
        long count = Long.parseLong(line.substring(space + 1).trim());
        String root = line.substring(0, space).split(";", 2)[0];
        roots.merge(clean(root), count, Long::sum);
        samples += count;
      } catch (NumberFormatException e) {
        // not a stack line
      }
    }
    return top(roots, samples, roots.size());
  }

  /** The frame without async-profiler's type suffix ({@code _[j]} Java, {@code _[k]} kernel...). */
  static String clean(String frame) {
    int suffix = frame.lastIndexOf("_[");
    return suffix > 0 && frame.endsWith("]") ? frame.substring(0, suffix) : frame;
  }

  private static List<Share> top(Map<String, Long> counts, long samples, int limit) {
    List<Share> shares = new ArrayList<>();
    counts.forEach(
        (frame, n) -> shares.add(new Share(frame, n, samples == 0 ? 0 : 100.0 * n / samples)));
    shares.sort(Comparator.comparingLong(Share::samples).reversed().thenComparing(Share::frame));
    return shares.subList(0, Math.min(limit, shares.size()));
  }
}
