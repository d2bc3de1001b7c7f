package io.lagline.producer.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The contract files of a directory in the working tree. */
public final class ContractFiles {
  private ContractFiles() {}

  /**
   * Every {@code <type>/<file>.json} under {@code dir}, by path relative to it with {@code /}
   * separators; empty when {@code dir} does not exist.
   */
  public static Map<String, String> read(Path dir) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(dir, 2)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        Path relative = dir.relativize(path);
        if (relative.getNameCount() == 2 && relative.toString().endsWith(".json")) {
          files.put(
              relative.getName(0) + "/" + relative.getName(1),
              Files.readString(path, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the contracts in " + dir, e);
    }
    return files;
  }
}
