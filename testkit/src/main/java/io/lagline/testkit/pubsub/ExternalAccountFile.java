package io.lagline.testkit.pubsub;

import io.lagline.testkit.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An {@code external_account} credential configuration as {@code gcloud iam workload-identity-pools
 * create-cred-config} writes it for a Kubernetes service-account token (file-sourced subject
 * token), pointing at a token endpoint on 127.0.0.1 only, never at Google's STS. The library
 * requires an {@code https} token URL; a closed port fails before any TLS.
 *
 * @param file the credential configuration
 * @param subjectTokenFile the file its {@code credential_source} reads the subject token from
 * @param tokenUrl its {@code token_url}
 */
public record ExternalAccountFile(Path file, Path subjectTokenFile, String tokenUrl) {
  /** The audience: a workload identity pool provider's full resource name. */
  public static final String AUDIENCE =
      "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/aks-pool"
          + "/providers/aks-oidc";

  /** A subject token shaped as a JWT; only the token endpoint reads it. */
  public static final String SUBJECT_TOKEN =
      "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6bGFnbGluZTpyZWNvbmNpbGVyIn0.c2ln";

  /** A configuration in {@code dir} whose token endpoint is a closed port on 127.0.0.1. */
  public static ExternalAccountFile unreachableTokenEndpoint(Path dir) {
    return write(dir, "https://127.0.0.1:" + FreePorts.pick() + "/v1/token");
  }

  /**
   * A configuration in {@code dir} exchanging its token at {@code tokenUrl}, which must be on
   * 127.0.0.1.
   */
  public static ExternalAccountFile write(Path dir, String tokenUrl) {
    if (!tokenUrl.startsWith("https://127.0.0.1:")) {
      throw new IllegalArgumentException("tests exchange tokens on 127.0.0.1 only: " + tokenUrl);
    }
    try {
      Path token = Files.writeString(dir.resolve("gcp-token"), SUBJECT_TOKEN);
      Path file =
          Files.writeString(
              dir.resolve("gcp-credential-config.json"),
              """
              {
                "universe_domain": "googleapis.com",
                "type": "external_account",
                "audience": "%s",
                "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
                "token_url": "%s",
                "credential_source": {
                  "file": "%s",
                  "format": { "type": "text" }
                }
              }
              """
                  .formatted(AUDIENCE, tokenUrl, token.toString().replace("\\", "\\\\")));
      return new ExternalAccountFile(file, token, tokenUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
