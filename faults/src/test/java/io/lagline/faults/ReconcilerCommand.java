package io.lagline.faults;

import io.lagline.reconciler.cli.ReconcilerMain;
import io.lagline.testkit.OrphanGuardAgent;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The command line of a reconciler process: this JVM's {@code java}, a small heap, and the
 * reconciler as it is deployed, {@code reconciler/target/reconciler.jar} with its {@code lib/}
 * (which the reactor packages before this module's integration tests). Run from classes instead (an
 * IDE), it falls back to this JVM's class path, which Failsafe sets to the real test class path
 * even with its manifest-only booter jar. The testkit's orphan guard rides along as an agent, so a
 * reconciler never outlives a killed test JVM.
 */
final class ReconcilerCommand {
  /** Heap of one reconciler process. */
  static final String MAX_HEAP = "-Xmx384m";

  private static Path agentJar;

  private ReconcilerCommand() {}

  /** {@code java ... io.lagline.reconciler.cli.ReconcilerMain run --config FILE}. */
  static List<String> run(Path configFile) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        MAX_HEAP,
        "-javaagent:" + agentJar() + "=" + ProcessHandle.current().pid(),
        "-cp",
        classpath(),
        ReconcilerMain.class.getName(),
        "run",
        "--config",
        configFile.toString());
  }

  /** The reconciler's class path. */
  static String classpath() {
    Path code;
    try {
      code =
          Path.of(ReconcilerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the reconciler's classes", e);
    }
    Path lib = code.resolveSibling("lib");
    if (Files.isRegularFile(code) && Files.isDirectory(lib)) {
      return code + File.pathSeparator + lib.resolve("*");
    }
    return System.getProperty("java.class.path");
  }

  private static synchronized Path agentJar() {
    if (agentJar == null) {
      try {
        Path jar = Files.createTempFile("lagline-faults-orphan-guard-", ".jar");
        jar.toFile().deleteOnExit();
        agentJar = writeAgent(jar);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the orphan-guard agent jar", e);
      }
    }
    return agentJar;
  }

  private static Path writeAgent(Path jar) throws IOException {
    String entry = OrphanGuardAgent.class.getName().replace('.', '/') + ".class";
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(new Attributes.Name("Premain-Class"), OrphanGuardAgent.class.getName());
    try (InputStream in = OrphanGuardAgent.class.getClassLoader().getResourceAsStream(entry);
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      if (in == null) {
        throw new IllegalStateException(entry + " is not on the class path");
      }
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
    }
    return jar;
  }
}
