package io.lagline.pubsub;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the credentials for the real service, failing with the cause and the fix. */
final class GoogleCredentialsLoader {
  private GoogleCredentialsLoader() {}

  /**
   * The service-account key in {@code credentialsFile}, or Application Default Credentials when it
   * is null.
   *
   * @throws PubSubConnectionException when none can be loaded
   */
  static GoogleCredentials load(Path credentialsFile) {
    if (credentialsFile != null) {
      try (InputStream in = Files.newInputStream(credentialsFile)) {
        return GoogleCredentials.fromStream(in);
      } catch (IOException | RuntimeException e) {
        throw new PubSubConnectionException(
            PubSubConnection.SERVICE,
            "cannot load credentials from "
                + credentialsFile
                + " ("
                + e.getMessage()
                + "): give a service-account key file in JSON, or leave it out to use Application Default"
                + " Credentials",
            e);
      }
    } else {
      try {
        return GoogleCredentials.getApplicationDefault();
      } catch (IOException e) {
        throw new PubSubConnectionException(
            PubSubConnection.SERVICE,
            "no Google credentials found: run 'gcloud auth application-default login', set"
                + " GOOGLE_APPLICATION_CREDENTIALS or give a credentials file; for local runs use the emulator"
                + " (--emulator HOST:PORT or PUBSUB_EMULATOR_HOST)",
            e);
      }
    }
  }
}
