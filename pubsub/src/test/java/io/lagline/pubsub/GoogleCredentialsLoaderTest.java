package io.lagline.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.ExternalAccountCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload Identity Federation: an {@code external_account} credential configuration (file-sourced
 * Kubernetes token) is loaded, scoped, and exchanged at once. Token endpoints here are on 127.0.0.1
 * only; Google's STS and Pub/Sub are never contacted.
 */
class GoogleCredentialsLoaderTest {
  private static final SettingNames NAMES =
      new SettingNames("pubsub.emulator-host", "pubsub.credentials-file");
  private static final String AUDIENCE =
      "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/aks-pool"
          + "/providers/aks-oidc";
  private static final String SUBJECT_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";

  @TempDir Path dir;

  private Path externalAccount(String tokenUrl, Path subjectToken) throws IOException {
    return Files.writeString(
        dir.resolve("gcp-credential-config.json"),
        """
        {
          "type": "external_account",
          "audience": "%s",
          "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
          "token_url": "%s",
          "credential_source": { "file": "%s", "format": { "type": "text" } }
        }
        """
            .formatted(AUDIENCE, tokenUrl, subjectToken));
  }

  private Path subjectToken() throws IOException {
    return Files.writeString(dir.resolve("gcp-token"), SUBJECT_TOKEN);
  }

  private static String closedTokenUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "https://127.0.0.1:" + socket.getLocalPort() + "/v1/token";
    }
  }

  @Test
  void an_unreachable_token_endpoint_fails_at_once_naming_the_key_the_endpoint_and_the_cause()
      throws IOException {
    String tokenUrl = closedTokenUrl();
    Path file = externalAccount(tokenUrl, subjectToken());
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                PubSubConnection.create(
                    null, file, List.of(), NAMES)) // no emulator: the real service
        .isInstanceOfSatisfying(
            PubSubConnectionException.class,
            e -> assertThat(e.target()).isEqualTo(PubSubConnection.SERVICE))
        .hasMessage(
            "pubsub.credentials-file = "
                + file
                + " (external_account): could not exchange the workload identity token at "
                + tokenUrl
                + ": ConnectException: Connection refused (check the subject token file, the"
                + " audience and the pool's provider, and that "
                + tokenUrl
                + " is reachable)");
    // no Pub/Sub client exists yet, so no RPC was attempted, and no retries were waited out
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void a_missing_subject_token_file_is_reported_as_the_cause() throws IOException {
    String tokenUrl = closedTokenUrl();
    Path file = externalAccount(tokenUrl, dir.resolve("no-such-token"));

    assertThatThrownBy(() -> PubSubConnection.create(null, file, List.of(), NAMES))
        .isInstanceOf(PubSubConnectionException.class)
        .hasMessageStartingWith(
            "pubsub.credentials-file = "
                + file
                + " (external_account): could not exchange the workload identity token at "
                + tokenUrl)
        .hasMessageNotContaining("\n");
  }

  @Test
  void a_token_url_that_is_not_https_is_reported_as_unloadable() throws IOException {
    Path file = externalAccount("http://127.0.0.1:1/v1/token", subjectToken());

    assertThatThrownBy(() -> PubSubConnection.create(null, file, List.of(), NAMES))
        .isInstanceOf(PubSubConnectionException.class)
        .hasMessageStartingWith(
            "cannot load credentials from " + file + " (pubsub.credentials-file): ")
        .hasMessageContaining("The provided token URL is invalid")
        .hasMessageContaining("external_account credential configuration");
  }

  @Test
  void an_answered_exchange_gives_a_bearer_header_for_pubsub_without_calling_it() throws Exception {
    try (FakeTokenEndpoint sts = FakeTokenEndpoint.start(dir)) {
      Path file = externalAccount(sts.tokenUrl(), subjectToken());

      GoogleCredentials credentials =
          GoogleCredentialsLoader.scoped(
              file, NAMES, TopicAdminSettings.getDefaultServiceScopes(), sts.trustingTransport());

      assertThat(credentials).isInstanceOf(ExternalAccountCredentials.class);
      Map<String, String> exchange = sts.lastRequest.get(10, TimeUnit.SECONDS);
      assertThat(exchange)
          .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
          .containsEntry("subject_token", SUBJECT_TOKEN)
          .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:jwt")
          .containsEntry("audience", AUDIENCE);
      assertThat(exchange.get("scope")).contains("https://www.googleapis.com/auth/pubsub");
      // what gax puts on each RPC; getting it reuses the token obtained at load time
      assertThat(credentials.getRequestMetadata(URI.create("https://pubsub.googleapis.com/")))
          .containsEntry("Authorization", List.of("Bearer " + FakeTokenEndpoint.ACCESS_TOKEN));
    }
  }
}
