package io.lagline.faults;

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
import java.util.List;
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
 * grpc-api lacks. Every streaming pull that a client cancels or drops (a killed reconciler) then
 * fails to close with a {@code NoSuchMethodError}, and the emulator keeps the dead stream as a
 * subscriber: messages are leased to it again and again, 60 s at a time, so a kill -9 delays
 * redelivery by many minutes, which real Pub/Sub does not do.
 *
 * <p>When the installed emulator has the defect, this builds a copy under {@code
 * target/patched-pubsub-emulator} with that one method added to {@code InternalStatus} (compiled
 * here against the emulator's own classes) and points the testkit at it ({@code
 * PUBSUB_EMULATOR_BIN}). Otherwise, or when {@code PUBSUB_EMULATOR_BIN} is already set, it does
 * nothing.
 */
final class PatchedEmulator {
  private static final Logger LOG = LoggerFactory.getLogger(PatchedEmulator.class);
  private static final String BIN = "PUBSUB_EMULATOR_BIN";
  private static final String SCRIPT = "platform/pubsub-emulator/bin/cloud-pubsub-emulator";
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

  private PatchedEmulator() {}

  /** Points the testkit at a patched emulator when the installed one has the defect. */
  static synchronized void useIfNeeded() {
    if (System.getProperty(BIN) != null || System.getenv(BIN) != null) {
      return;
    }
    Optional<Path> script = installedScript();
    if (script.isEmpty()) {
      return; // the testkit reports a missing emulator, or runs one in Docker
    }
    Path home = script.get().getParent().getParent();
    try (var jars = Files.list(home.resolve("lib"))) {
      Optional<Path> jar = jars.filter(p -> p.toString().endsWith("-all.jar")).findFirst();
      if (jar.isEmpty() || !defective(jar.get())) {
        return;
      }
      Path patched = FaultStack.moduleDir().resolve("target").resolve("patched-pubsub-emulator");
      Path patchedScript = patched.resolve("bin").resolve(script.get().getFileName());
      Path patchedJar = patched.resolve("lib").resolve(jar.get().getFileName());
      if (!Files.isRegularFile(patchedJar)) {
        build(script.get(), jar.get(), patchedScript, patchedJar);
      }
      System.setProperty(BIN, patchedScript.toString());
      LOG.info("using the Pub/Sub emulator patched for closing streams: {}", patchedScript);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot patch the Pub/Sub emulator under " + home, e);
    }
  }

  private static Optional<Path> installedScript() {
    return List.of(
            Path.of("/usr/lib/google-cloud-sdk"),
            Path.of("/usr/share/google-cloud-sdk"),
            Path.of("/opt/google-cloud-sdk"),
            Path.of(System.getProperty("user.home"), "google-cloud-sdk"))
        .stream()
        .map(root -> root.resolve(SCRIPT))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** True when the jar's grpc-api lacks the method its grpc-core calls. */
  static boolean defective(Path jar) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Class<?> status = loader.loadClass("io.grpc.InternalStatus");
      return Arrays.stream(status.getMethods())
          .noneMatch(m -> m.getName().equals("asRuntimeException") && m.getParameterCount() == 3);
    } catch (ClassNotFoundException e) {
      return false; // not the emulator this works around
    }
  }

  private static void build(Path script, Path jar, Path patchedScript, Path patchedJar)
      throws IOException {
    Path work = Files.createTempDirectory("pubsub-emulator-shim");
    Path source = work.resolve("io").resolve("grpc").resolve("InternalStatus.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, SHIM);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code =
        javac.run(
            null,
            null,
            null,
            "-nowarn",
            "--release",
            "8",
            "-cp",
            jar.toString(),
            "-d",
            work.toString(),
            source.toString());
    if (code != 0) {
      throw new IllegalStateException("cannot compile the emulator patch against " + jar);
    }
    Files.createDirectories(patchedJar.getParent());
    Files.createDirectories(patchedScript.getParent());
    Path partial = patchedJar.resolveSibling(patchedJar.getFileName() + ".partial");
    try (JarFile original = new JarFile(jar.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial))) {
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
      Files.copy(work.resolve(CLASS), out);
      out.closeEntry();
    }
    Files.move(partial, patchedJar, StandardCopyOption.REPLACE_EXISTING);
    try (var files = Files.walk(work)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
    Files.copy(script, patchedScript, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(patchedScript, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
