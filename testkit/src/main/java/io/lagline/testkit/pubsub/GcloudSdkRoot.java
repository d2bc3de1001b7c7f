package io.lagline.testkit.pubsub;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Google Cloud SDK root as {@code gcloud info --format='value(installation.sdk_root)'} reports
 * it. Asked once per JVM (gcloud takes a second or two to answer), and only when {@code gcloud} is
 * on the PATH.
 */
final class GcloudSdkRoot {
  private static final Logger LOG = LoggerFactory.getLogger(GcloudSdkRoot.class);
  private static final long TIMEOUT_SECONDS = 20;
  private static Optional<Path> cached;

  private GcloudSdkRoot() {}

  static synchronized Optional<Path> query() {
    if (cached == null) {
      cached = gcloudOnPath().flatMap(GcloudSdkRoot::ask);
    }
    return cached;
  }

  private static Optional<Path> gcloudOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, "gcloud");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> ask(Path gcloud) {
    try {
      Process process =
          new ProcessBuilder(gcloud.toString(), "info", "--format=value(installation.sdk_root)")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
      String out;
      try (InputStream in = process.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 && !out.isEmpty()
          ? Optional.of(Path.of(out))
          : Optional.empty();
    } catch (IOException e) {
      LOG.debug("gcloud info failed: {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
