package io.lagline.testkit.pubsub;

import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds the {@code cloud-pubsub-emulator} start script: {@code PUBSUB_EMULATOR_BIN}, else under the
 * SDK root that {@code gcloud info} reports, else under the usual install locations.
 */
public final class EmulatorScriptLocator {
  static final String SCRIPT_IN_SDK = "platform/pubsub-emulator/bin/cloud-pubsub-emulator";
  static final List<Path> USUAL_SDK_ROOTS =
      List.of(
          Path.of("/usr/lib/google-cloud-sdk"),
          Path.of("/usr/share/google-cloud-sdk"),
          Path.of("/opt/google-cloud-sdk"));

  static final String INSTALL_HINT =
      "Install it with `gcloud components install pubsub-emulator` (or the OS package"
          + " google-cloud-cli-pubsub-emulator), or set "
          + Environment.PUBSUB_EMULATOR_BIN
          + " to the cloud-pubsub-emulator script; or run the stack in Docker with "
          + Environment.STACK_MODE
          + "=TESTCONTAINERS; or point "
          + Environment.PUBSUB_EMULATOR_HOST
          + " (and "
          + Environment.CASSANDRA_CONTACT_POINTS
          + ") at services that are already running.";

  private final Environment env;
  private final Predicate<Path> isExecutable;
  private final Supplier<Optional<Path>> gcloudSdkRoot;
  private final Path userHome;

  EmulatorScriptLocator(
      Environment env,
      Predicate<Path> isExecutable,
      Supplier<Optional<Path>> gcloudSdkRoot,
      Path userHome) {
    this.env = env;
    this.isExecutable = isExecutable;
    this.gcloudSdkRoot = gcloudSdkRoot;
    this.userHome = userHome;
  }

  public static EmulatorScriptLocator system() {
    return new EmulatorScriptLocator(
        Environment.system(),
        p -> Files.isRegularFile(p) && Files.isExecutable(p),
        GcloudSdkRoot::query,
        Path.of(System.getProperty("user.home")));
  }

  /**
   * The script, or empty when no candidate exists.
   *
   * @throws TestkitException when {@code PUBSUB_EMULATOR_BIN} is set but names no executable file
   */
  public Optional<Path> locate() {
    Optional<String> explicit = env.get(Environment.PUBSUB_EMULATOR_BIN);
    if (explicit.isPresent()) {
      Path script = Path.of(explicit.get());
      if (!isExecutable.test(script)) {
        throw new TestkitException(
            Environment.PUBSUB_EMULATOR_BIN
                + "="
                + explicit.get()
                + " is not an executable file. "
                + INSTALL_HINT);
      }
      return Optional.of(script);
    }
    return sdkCandidates().stream().filter(isExecutable).findFirst();
  }

  /**
   * Like {@link #locate()}, but throws a message that lists where it looked and how to install the
   * emulator.
   */
  Path require() {
    return locate().orElseThrow(() -> new TestkitException(notFoundMessage()));
  }

  /** The script paths under SDK roots, in the order they are tried. */
  List<Path> sdkCandidates() {
    List<Path> roots = new ArrayList<>();
    gcloudSdkRoot.get().ifPresent(roots::add);
    roots.addAll(USUAL_SDK_ROOTS);
    roots.add(userHome.resolve("google-cloud-sdk"));
    return roots.stream().distinct().map(root -> root.resolve(SCRIPT_IN_SDK)).toList();
  }

  public String notFoundMessage() {
    String looked =
        sdkCandidates().stream().map(Path::toString).collect(Collectors.joining(", ", "[", "]"));
    return "The Google Cloud Pub/Sub emulator was not found: "
        + Environment.PUBSUB_EMULATOR_BIN
        + " is unset and none of "
        + looked
        + " exists. "
        + INSTALL_HINT;
  }
}
