package io.lagline.testkit.pubsub;

import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import io.lagline.testkit.process.JavaRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around a defect of the Pub/Sub emulator shipped with Google Cloud SDK 528
 * (cloud-pubsub-emulator 0.8.20): its bundled grpc-core 1.68 calls {@code
 * io.grpc.InternalStatus.asRuntimeException(Status, Metadata, boolean)}, which its older bundled
 * grpc-api lacks. Every streaming pull that a client cancels, closes or drops (a reconciler that
 * stops, even cleanly, or is killed) then fails to close on the server with a {@code
 * NoSuchMethodError}, and the emulator keeps the dead stream as a subscriber: it goes on leasing
 * messages to it, and a message leased to it reaches no live client (see the README's Reliability
 * section for the measurements). Real Pub/Sub has no such defect.
 *
 * <p>When the installed emulator has the defect, this builds a copy with that one method added to
 * {@code InternalStatus} (compiled here against the emulator's own classes, so a JDK is needed)
 * under {@code ~/.cache/lagline} (or {@value #CACHE_DIR_VARIABLE}), once, and returns its start
 * script. Otherwise it returns the script it was given.
 */
public final class EmulatorStreamFix {
  /** Where fixed copies are kept; default {@code ~/.cache/lagline}. */
  public static final String CACHE_DIR_VARIABLE = "LAGLINE_CACHE_DIR";

  private static final Logger LOG = LoggerFactory.getLogger(EmulatorStreamFix.class);
  private static final String CLASS = "io/grpc/InternalStatus.class";
  private static final String SHIM =
      """
      package io.grpc;

      /** InternalStatus as grpc-api 1.68 has it: what the emulator's grpc-core calls. */
      public final class InternalStatus {
        public static final Metadata.Key<String> MESSAGE_KEY = Status.MESSAGE_KEY;
        public static final Metadata.Key<Status> CODE_KEY = Status.CODE_KEY;

        private InternalStatus() {}

        public static StatusRuntimeException asRuntimeExceptionWithoutStacktrace(
            Status status, Metadata trailers) {
          return new InternalStatusRuntimeException(status, trailers);
        }

        public static StatusRuntimeException asRuntimeException(
            Status status, Metadata trailers, boolean withStackTrace) {
          return withStackTrace
              ? new StatusRuntimeException(status, trailers)
              : new InternalStatusRuntimeException(status, trailers);
        }
      }
      """;

  private EmulatorStreamFix() {}

  /**
   * Prints the start script to run: the fixed copy when the installed emulator ({@code
   * PUBSUB_EMULATOR_BIN}, else the Cloud SDK's) has the defect, else the installed one. Used by
   * {@code bin/emulator}; exits 1 with the reason when there is no emulator or no copy can be made.
   */
  public static void main(String[] args) {
    try {
      System.out.println(fixedIfNeeded(EmulatorScriptLocator.system().require()));
    } catch (TestkitException e) {
      System.err.println("[lagline-testkit] " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * The start script of a fixed copy when {@code script}'s emulator has the defect, else {@code
   * script} itself.
   *
   * @throws TestkitException when the copy cannot be built (no JDK compiler, unwritable cache)
   */
  public static synchronized Path fixedIfNeeded(Path script) {
    Path home = script.toAbsolutePath().getParent().getParent();
    Optional<Path> jar = emulatorJar(home);
    try {
      if (jar.isEmpty() || !defective(jar.get())) {
        return script;
      }
      Path fixed = cacheDir().resolve("pubsub-emulator-" + fingerprint(jar.get()));
      Path fixedScript = fixed.resolve("bin").resolve(script.getFileName());
      Path fixedJar = fixed.resolve("lib").resolve(jar.get().getFileName());
      if (!Files.isRegularFile(fixedJar) || !Files.isExecutable(fixedScript)) {
        LOG.info("building a copy of the Pub/Sub emulator that closes streams: {}", fixed);
        build(script, jar.get(), fixedScript, fixedJar);
      }
      LOG.debug("using the Pub/Sub emulator fixed for closing streams: {}", fixedScript);
      return fixedScript;
    } catch (IOException | UncheckedIOException e) {
      throw new TestkitException(
          "cannot build the fixed Pub/Sub emulator from "
              + home
              + " ("
              + e.getMessage()
              + "); set "
              + CACHE_DIR_VARIABLE
              + " to a writable folder",
          e);
    }
  }

  /**
   * True when the emulator that {@code script} starts has the defect (its jar's grpc-api lacks the
   * method its grpc-core calls).
   */
  public static boolean hasDefect(Path script) throws IOException {
    Optional<Path> jar = emulatorJar(script.toAbsolutePath().getParent().getParent());
    return jar.isPresent() && defective(jar.get());
  }

  /** True when the emulator jar's grpc-api lacks the method its grpc-core calls. */
  public static boolean defective(Path jar) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Class<?> status = loader.loadClass("io.grpc.InternalStatus");
      return Arrays.stream(status.getMethods())
          .noneMatch(m -> m.getName().equals("asRuntimeException") && m.getParameterCount() == 3);
    } catch (ClassNotFoundException e) {
      return false; // not the emulator this works around
    }
  }

  private static Optional<Path> emulatorJar(Path home) {
    Path lib = home.resolve("lib");
    if (!Files.isDirectory(lib)) {
      return Optional.empty();
    }
    try (var jars = Files.list(lib)) {
      return jars.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path cacheDir() {
    return Environment.system()
        .get(CACHE_DIR_VARIABLE)
        .map(Path::of)
        .orElse(Path.of(System.getProperty("user.home"), ".cache", "lagline"));
  }

  private static String fingerprint(Path jar) throws IOException {
    String name = jar.getFileName().toString().replace("-all.jar", "");
    return name
        + "-"
        + Long.toHexString(Files.size(jar) ^ Files.getLastModifiedTime(jar).toMillis());
  }

  private static void build(Path script, Path jar, Path fixedScript, Path fixedJar)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException("no Java compiler in " + JavaRuntime.javaHome() + " (a JDK is needed)");
    }
    Path work = Files.createTempDirectory("pubsub-emulator-fix");
    try {
      Path source = work.resolve("io").resolve("grpc").resolve("InternalStatus.java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, SHIM);
      String[] args = {
        "-nowarn", "--release", "8", "-cp", jar.toString(), "-d", work.toString(), source.toString()
      };
      if (javac.run(null, null, null, args) != 0) {
        throw new IOException("cannot compile the emulator fix against " + jar);
      }
      Files.createDirectories(fixedJar.getParent());
      Files.createDirectories(fixedScript.getParent());
      Path partialJar = Files.createTempFile(fixedJar.getParent(), "emulator", ".partial");
      copyReplacing(jar, partialJar, work.resolve(CLASS));
      Files.move(partialJar, fixedJar, StandardCopyOption.REPLACE_EXISTING);
      Path partialScript = Files.createTempFile(fixedScript.getParent(), "script", ".partial");
      Files.copy(script, partialScript, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(partialScript, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(partialScript, fixedScript, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      deleteTree(work);
    }
  }

  private static void copyReplacing(Path jar, Path target, Path replacement) throws IOException {
    try (JarFile original = new JarFile(jar.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
      for (JarEntry entry : original.stream().toList()) {
        if (entry.getName().equals(CLASS)) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream in = original.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(CLASS));
      Files.copy(replacement, out);
      out.closeEntry();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
