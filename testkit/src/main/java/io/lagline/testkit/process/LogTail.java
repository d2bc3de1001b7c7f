package io.lagline.testkit.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, for error messages. */
final class LogTail {
  private static final int MAX_BYTES = 16 * 1024;

  private LogTail() {}

  /** Up to {@code lines} last lines of {@code file}, indented, or a note when it cannot be read. */
  static String of(Path file, int lines) {
    if (file == null || !Files.isRegularFile(file)) {
      return "  (no log at " + file + ")";
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, raf.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (raf.length() - start)];
      raf.seek(start);
      raf.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
      return "  | " + String.join(System.lineSeparator() + "  | ", last);
    } catch (IOException e) {
      return "  (could not read " + file + ": " + e.getMessage() + ")";
    }
  }
}
