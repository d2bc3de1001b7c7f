package io.lagline.pubsub;

import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.ExternalAccountCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.OAuth2Utils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Loads the credentials for the real service, failing with the cause, the setting to fix and the
 * fix. Accepts what {@link GoogleCredentials#fromStream} accepts: a service-account key, or an
 * {@code external_account} credential configuration (Workload Identity Federation, e.g. from AKS
 * with a projected Kubernetes service-account token).
 *
 * <p>An {@code external_account} credential exchanges its subject token for a Google access token
 * at its {@code token_url} (Google's STS). The library would do that lazily, inside the first RPC,
 * where a failure surfaces as a retried {@code UNAVAILABLE: Credentials failed to obtain metadata};
 * {@link #scoped} does it at once instead, so a wrong pool, audience, token file or network fails
 * at start-up, naming the setting, before any Pub/Sub RPC is attempted. A service-account key is
 * left as is: the client signs its own JWTs with it and needs no token endpoint.
 */
final class GoogleCredentialsLoader {
  /** The environment variable Application Default Credentials read first. */
  static final String ADC_ENV = "GOOGLE_APPLICATION_CREDENTIALS";

  private GoogleCredentialsLoader() {}

  /**
   * The credentials in {@code credentialsFile} (a service-account key or an {@code
   * external_account} configuration), or Application Default Credentials when it is null, scoped to
   * {@code scopes}; for an {@code external_account}, with its first access token already obtained.
   *
   * @throws PubSubConnectionException naming {@code names.credentialsFile()} when none can be
   *     loaded or the workload identity token cannot be exchanged
   */
  static GoogleCredentials scoped(
      Path credentialsFile, SettingNames names, Collection<String> scopes) {
    return scoped(credentialsFile, names, scopes, OAuth2Utils.HTTP_TRANSPORT_FACTORY);
  }

  /**
   * As {@link #scoped(Path, SettingNames, Collection)}, reaching token endpoints over {@code http}.
   */
  static GoogleCredentials scoped(
      Path credentialsFile,
      SettingNames names,
      Collection<String> scopes,
      HttpTransportFactory http) {
    GoogleCredentials scoped = load(credentialsFile, names, http).createScoped(scopes);
    if (scoped instanceof ExternalAccountCredentials external) {
      exchange(external, source(credentialsFile, names));
    }
    return scoped;
  }

  private static GoogleCredentials load(
      Path credentialsFile, SettingNames names, HttpTransportFactory http) {
    if (credentialsFile != null) {
      try (InputStream in = Files.newInputStream(credentialsFile)) {
        return GoogleCredentials.fromStream(in, http);
      } catch (IOException | RuntimeException e) {
        throw new PubSubConnectionException(
            PubSubConnection.SERVICE,
            "cannot load credentials from "
                + credentialsFile
                + " ("
                + names.credentialsFile()
                + "): "
                + oneLine(e)
                + "; give a service-account key or an external_account credential configuration"
                + " (Workload Identity Federation) in JSON, or leave it out to use Application"
                + " Default Credentials",
            e);
      }
    }
    try {
      return GoogleCredentials.getApplicationDefault(http);
    } catch (IOException | RuntimeException e) {
      throw new PubSubConnectionException(
          PubSubConnection.SERVICE,
          "no Google credentials found ("
              + oneLine(e)
              + "): run 'gcloud auth application-default login', set "
              + ADC_ENV
              + " or "
              + names.credentialsFile()
              + " to a service-account key or an external_account credential configuration; for"
              + " local runs use the emulator ("
              + names.emulatorHost()
              + ")",
          e);
    }
  }

  private static void exchange(ExternalAccountCredentials credentials, String source) {
    try {
      credentials.refresh();
    } catch (IOException | RuntimeException e) {
      String impersonation =
          credentials.getServiceAccountEmail() == null
              ? ""
              : " and impersonate " + credentials.getServiceAccountEmail();
      throw new PubSubConnectionException(
          PubSubConnection.SERVICE,
          source
              + " (external_account): could not exchange the workload identity token at "
              + credentials.getTokenUrl()
              + impersonation
              + ": "
              + oneLine(e)
              + " (check the subject token file, the audience and the pool's provider, and that "
              + credentials.getTokenUrl()
              + " is reachable)",
          e);
    }
  }

  /** Where the credentials came from, naming the setting: {@code pubsub.credentials-file = F}. */
  private static String source(Path credentialsFile, SettingNames names) {
    return credentialsFile != null
        ? names.credentialsFile() + " = " + credentialsFile
        : "Application Default Credentials (" + ADC_ENV + ")";
  }

  /** The cause on one line: its type and message, whitespace (as in an HTTP body) collapsed. */
  static String oneLine(Throwable e) {
    String message = e.getMessage();
    String line =
        e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    return line.replaceAll("\\s+", " ").strip();
  }
}
