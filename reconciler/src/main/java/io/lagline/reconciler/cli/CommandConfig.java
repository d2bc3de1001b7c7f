package io.lagline.reconciler.cli;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.PubSubConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.intake.PubSubIntake;
import java.nio.file.Path;
import java.util.List;

/**
 * What the Pub/Sub commands share: checks of keys a single command needs beyond what {@link
 * ConfigLoader} validates for all, and the connection.
 */
final class CommandConfig {
  private CommandConfig() {}

  /**
   * The emulator or Google Cloud, as {@code pubsub.emulator-host} and {@code
   * pubsub.credentials-file} say: the connection {@code run} opens, messages naming those keys.
   *
   * @throws LaglineException naming the cause and those keys (exit 1)
   */
  static PubSubConnection connect(PubSubConfig pubsub) {
    return PubSubIntake.connect(pubsub);
  }

  /**
   * {@code value}, which the command needs though the service does not.
   *
   * @throws ConfigException naming the key and why the command needs it (exit 2)
   */
  static String require(String value, ReconcilerKey key, Path file, String command, String why) {
    if (value != null) {
      return value;
    }
    throw new ConfigException(
        List.of(
            new ConfigProblem(
                key.path(),
                null,
                "is required by `reconciler "
                    + command
                    + "`: "
                    + why
                    + " (or set "
                    + key.envName()
                    + ")",
                file == null ? "(no file)" : file.toString())));
  }
}
