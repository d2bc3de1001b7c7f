package io.lagline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line describing the machine a run was measured on. */
final class Machine {
  private Machine() {}

  static String describe() {
    return String.format(
        Locale.ROOT,
        "%s, %d cores, %s RAM, %s %s, Java %s",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        memTotal(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  private static String cpuModel() {
    return procLine("/proc/cpuinfo", "model name", "unknown CPU");
  }

  private static String memTotal() {
    String kb = procLine("/proc/meminfo", "MemTotal", "");
    try {
      long value = Long.parseLong(kb.replaceAll("[^0-9]", ""));
      return String.format(Locale.ROOT, "%.1f GiB", value / 1024.0 / 1024.0);
    } catch (NumberFormatException e) {
      return "unknown";
    }
  }

  private static String procLine(String file, String key, String fallback) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      return fallback;
    }
    return fallback;
  }
}
