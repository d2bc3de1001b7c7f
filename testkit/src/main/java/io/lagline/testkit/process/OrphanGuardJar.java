package io.lagline.testkit.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds, once per JVM, the tiny agent jar holding {@link OrphanGuardAgent}, and gives the {@code
 * -javaagent} flag that arms it in a child JVM. Built at run time because the testkit itself may
 * run from a classes directory.
 */
public final class OrphanGuardJar {
  private static Path jar;

  private OrphanGuardJar() {}

  /** {@code -javaagent:<jar>=<this JVM's pid>}. */
  public static String javaAgentFlag() {
    return "-javaagent:" + path() + "=" + ProcessHandle.current().pid();
  }

  static synchronized Path path() {
    if (jar == null || !Files.isRegularFile(jar)) {
      try {
        Path file = Files.createTempFile("lagline-orphan-guard-", ".jar");
        file.toFile().deleteOnExit();
        jar = writeTo(file);
      } catch (IOException e) {
        throw new UncheckedIOException("could not create the orphan-guard agent jar", e);
      }
    }
    return jar;
  }

  /** Writes the agent jar to {@code file}. */
  static Path writeTo(Path file) {
    String entry = OrphanGuardAgent.class.getName().replace('.', '/') + ".class";
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(new Attributes.Name("Premain-Class"), OrphanGuardAgent.class.getName());
    try (InputStream in = OrphanGuardAgent.class.getClassLoader().getResourceAsStream(entry);
        OutputStream raw = Files.newOutputStream(file);
        JarOutputStream out = new JarOutputStream(raw, manifest)) {
      if (in == null) {
        throw new IllegalStateException(entry + " is not on the classpath");
      }
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the orphan-guard agent jar " + file, e);
    }
  }
}
