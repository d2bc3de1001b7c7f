package io.lagline.testkit.stack;

import io.lagline.testkit.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine is usable, checked cheaply: Testcontainers is asked only when something
 * suggests an engine exists (a {@code DOCKER_HOST}, a Docker socket, a Testcontainers
 * configuration), because on a machine without Docker its search is slow and logs errors.
 */
final class DockerProbe {
  private DockerProbe() {}

  static boolean isDockerAvailable(Environment env, Path userHome) {
    if (!hintsAtDocker(env, userHome)) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static boolean hintsAtDocker(Environment env, Path userHome) {
    if (env.get("DOCKER_HOST").isPresent() || env.get("TESTCONTAINERS_HOST_OVERRIDE").isPresent()) {
      return true;
    }
    List<Path> hints =
        List.of(
            Path.of("/var/run/docker.sock"),
            userHome.resolve(".docker/run/docker.sock"),
            userHome.resolve(".docker/desktop/docker.sock"),
            userHome.resolve(".testcontainers.properties"),
            Path.of("/run/user/" + uid() + "/docker.sock"),
            Path.of("/run/user/" + uid() + "/podman/podman.sock"));
    return hints.stream().anyMatch(Files::exists);
  }

  private static String uid() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return String.valueOf(uid);
    } catch (Exception e) {
      return "0";
    }
  }
}
