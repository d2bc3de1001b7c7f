package io.lagline.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.ExternalAccountCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import io.lagline.error.LaglineException;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.intake.PubSubIntake;
import io.lagline.testkit.pubsub.ExternalAccountFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyless Pub/Sub (Workload Identity Federation): an {@code external_account} credential
 * configuration in {@code pubsub.credentials-file} is accepted by every Pub/Sub command up to the
 * token exchange. Its token endpoint is a closed port on 127.0.0.1, so each command stops there
 * with one line naming the key, the endpoint and the cause; no emulator is configured, and no
 * Pub/Sub RPC can be attempted because the connection is never created.
 */
class WorkloadIdentityCliTest {
  /** Far below the client's retry budget (60 s) a lazy exchange inside the first RPC would use. */
  private static final Duration PROMPT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private record Result(int code, String out, String err, Duration took) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int code = ReconcilerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(
        code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
  }

  private Path config(ExternalAccountFile credentials) throws IOException {
    Files.writeString(dir.resolve("mapping.yaml"), TestMappings.DEVICES_YAML);
    return Files.writeString(
        dir.resolve("reconciler.yaml"),
        """
        pubsub:
          subscription: projects/demo-project/subscriptions/events
          topic: projects/demo-project/topics/events
          credentials-file: %s
          dead-letter:
            topic: projects/demo-project/topics/events-dead-letter
            subscription: projects/demo-project/subscriptions/dead-letters
        audit: { subscription: projects/demo-project/subscriptions/events-audit }
        cassandra: { contact-points: [127.0.0.1:9042], local-datacenter: dc1, keyspace: fitness }
        mapping: { file: mapping.yaml }
        """
            .formatted(credentials.file()));
  }

  @Test
  void every_pubsub_command_stops_at_the_token_exchange_with_one_line_naming_the_key()
      throws IOException {
    ExternalAccountFile credentials = ExternalAccountFile.unreachableTokenEndpoint(dir);
    String config = config(credentials).toString();

    for (List<String> args :
        List.of(
            List.of("provision", "--config", config),
            List.of("dlq", "list", "--config", config),
            List.of("dlq", "replay", "--config", config),
            List.of("dlq", "replay", "--dry-run", "--config", config),
            List.of("audit", "--since", "15m", "--config", config))) {
      Result result = run(args.toArray(String[]::new));

      String command = String.join(" ", args.subList(0, args.size() - 2));
      assertThat(result.code()).as(command).isEqualTo(1);
      assertThat(result.err().strip().lines()).as(command).hasSize(1);
      assertThat(result.err())
          .as(command)
          .startsWith(
              "error: pubsub.credentials-file = "
                  + credentials.file()
                  + " (external_account): could not exchange the workload identity token at "
                  + credentials.tokenUrl()
                  + ": ConnectException: Connection refused")
          .doesNotContain("\tat ")
          .doesNotContain("UNAVAILABLE");
      assertThat(result.out()).as(command).isEmpty();
      assertThat(result.took()).as(command).isLessThan(PROMPT);
    }
  }

  @Test
  void the_shipped_aks_template_is_accepted_up_to_the_token_exchange() throws IOException {
    Path template = Path.of("..", "deploy", "k8s", "overlays", "aks", "gcp-credential-config.json");
    String json = Files.readString(template);
    try (var in = Files.newInputStream(template)) {
      var credentials = (ExternalAccountCredentials) GoogleCredentials.fromStream(in);
      assertThat(credentials.getTokenUrl()).isEqualTo("https://sts.googleapis.com/v1/token");
      assertThat(credentials.getAudience())
          .isEqualTo(
              "//iam.googleapis.com/projects/PROJECT_NUMBER/locations/global"
                  + "/workloadIdentityPools/POOL_ID/providers/PROVIDER_ID");
    }
    assertThat(json).contains("\"file\": \"/var/run/secrets/tokens/gcp-token\"");
    // the same file with only the token endpoint and the token path moved onto this machine
    ExternalAccountFile local = ExternalAccountFile.unreachableTokenEndpoint(dir);
    Files.writeString(
        local.file(),
        json.replace("https://sts.googleapis.com/v1/token", local.tokenUrl())
            .replace("/var/run/secrets/tokens/gcp-token", local.subjectTokenFile().toString()));

    Result result = run("provision", "--config", config(local).toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err())
        .contains("could not exchange the workload identity token at " + local.tokenUrl());
  }

  @Test
  void run_opens_the_same_connection_and_stops_at_the_token_exchange() throws IOException {
    // `run` connects to Cassandra first (nothing is pulled before it can be written), then opens
    // this connection (PubSubModule) before any Pub/Sub client: StartupErrorsIT runs it whole.
    ExternalAccountFile credentials = ExternalAccountFile.unreachableTokenEndpoint(dir);
    var pubsub = ConfigLoader.load(config(credentials), Map.of()).pubsub();

    assertThatThrownBy(() -> PubSubIntake.connect(pubsub))
        .isInstanceOf(LaglineException.class)
        .hasMessageStartingWith(
            "pubsub.credentials-file = "
                + credentials.file()
                + " (external_account): could not exchange the workload identity token at "
                + credentials.tokenUrl());
  }
}
