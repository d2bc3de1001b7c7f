package io.lagline.testkit.process;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class path to run a class's program in a child JVM, as it is packaged: its module jar with
 * the {@code lib/} folder the build copies next to it, or the {@code lib/} folder a launcher jar
 * holds it in. Run from classes instead (an IDE, Maven's test class path), it falls back to this
 * JVM's class path, which Surefire and Failsafe set to the real one even with a manifest-only
 * booter jar.
 */
public final class JavaClasspath {
  private JavaClasspath() {}

  /** The class path holding {@code mainClass} and what it needs. */
  public static String of(Class<?> mainClass) {
    Path code;
    try {
      code = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return System.getProperty("java.class.path");
    }
    return choose(code, System.getProperty("java.class.path"));
  }

  /** The rule of {@link #of}, given where the class was loaded from. */
  static String choose(Path code, String fallback) {
    if (Files.isRegularFile(code)) {
      Path lib = code.resolveSibling("lib");
      if (Files.isDirectory(lib)) {
        return code + File.pathSeparator + lib.resolve("*");
      }
      Path parent = code.getParent();
      if (parent != null
          && parent.getFileName() != null
          && parent.getFileName().toString().equals("lib")) {
        return parent.resolve("*").toString();
      }
    }
    return fallback;
  }
}
