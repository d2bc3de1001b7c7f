package io.lagline.testkit.stack;

import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the {@link StackMode}: an explicit option wins, then {@code LAGLINE_STACK_MODE}, then
 * AUTO, which picks EXTERNAL, EMBEDDED or TESTCONTAINERS from what this machine offers. The checks
 * are suppliers so the expensive ones (gcloud, Docker) run only when needed.
 */
final class StackModeResolver {
  private static final Logger LOG = LoggerFactory.getLogger(StackModeResolver.class);

  private StackModeResolver() {}

  static StackMode resolve(
      StackMode requested,
      Environment env,
      Supplier<Optional<Path>> emulatorScript,
      BooleanSupplier dockerAvailable,
      Supplier<String> emulatorNotFoundMessage) {
    StackMode mode = requested != null ? requested : fromEnvironment(env);
    if (mode != StackMode.AUTO) {
      return mode;
    }
    if (ExternalEndpoints.from(env).isPresent()) {
      return StackMode.EXTERNAL;
    }
    warnAboutHalfExternal(env);
    if (emulatorScript.get().isPresent()) {
      return StackMode.EMBEDDED;
    }
    if (dockerAvailable.getAsBoolean()) {
      return StackMode.TESTCONTAINERS;
    }
    throw new TestkitException(
        "No way to run the local stack: "
            + emulatorNotFoundMessage.get()
            + " (Docker is not available either, so "
            + StackMode.TESTCONTAINERS
            + " mode cannot be used.)");
  }

  static StackMode fromEnvironment(Environment env) {
    Optional<String> value = env.get(Environment.STACK_MODE);
    if (value.isEmpty()) {
      return StackMode.AUTO;
    }
    try {
      return StackMode.valueOf(value.get().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TestkitException(
          Environment.STACK_MODE
              + "="
              + value.get()
              + " must be one of "
              + Arrays.toString(StackMode.values()));
    }
  }

  private static void warnAboutHalfExternal(Environment env) {
    boolean emulator = env.get(Environment.PUBSUB_EMULATOR_HOST).isPresent();
    boolean cassandra = env.get(Environment.CASSANDRA_CONTACT_POINTS).isPresent();
    if (emulator != cassandra) {
      LOG.warn(
          "{} is set but {} is not; external services are used only when both are set, so both are"
              + " started locally",
          emulator ? Environment.PUBSUB_EMULATOR_HOST : Environment.CASSANDRA_CONTACT_POINTS,
          emulator ? Environment.CASSANDRA_CONTACT_POINTS : Environment.PUBSUB_EMULATOR_HOST);
    }
  }
}
