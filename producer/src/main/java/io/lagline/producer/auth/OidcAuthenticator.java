package io.lagline.producer.auth;

import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.auth.oauth2.TokenVerifier;
import java.util.Objects;
import java.util.Set;

/**
 * Lets in callers that send a Google-signed OIDC ID token ({@code Authorization: Bearer <JWT>}) for
 * this service's audience, as Cloud Run service-to-service calls and {@code gcloud auth
 * print-identity-token --audiences=...} do. google-auth-library's {@link TokenVerifier} checks the
 * RS256 signature against Google's public certificates (fetched and cached), the expiry and the
 * audience; the issuer must be Google's. The principal is the token's {@code email}, else its
 * {@code sub}.
 */
public final class OidcAuthenticator implements Authenticator {
  /** The issuers of Google-signed ID tokens. */
  public static final Set<String> GOOGLE_ISSUERS =
      Set.of("https://accounts.google.com", "accounts.google.com");

  private final TokenVerifier verifier;

  /** With a verifier built for the audience (tests give one with their own public key). */
  public OidcAuthenticator(TokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /** Verifies Google-signed ID tokens for {@code audience} against Google's certificates. */
  public static OidcAuthenticator google(String audience) {
    return new OidcAuthenticator(TokenVerifier.newBuilder().setAudience(audience).build());
  }

  @Override
  public AuthResult authenticate(String authorization) {
    String token = Authenticator.bearer(authorization);
    if (token == null) {
      return AuthResult.refused("missing bearer ID token");
    }
    JsonWebSignature jws;
    try {
      jws = verifier.verify(token);
    } catch (TokenVerifier.VerificationException | RuntimeException e) {
      // the library's message names the check that failed (signature, expiry, audience), no secret
      return AuthResult.refused("invalid ID token: " + e.getMessage());
    }
    String issuer = jws.getPayload().getIssuer();
    if (!GOOGLE_ISSUERS.contains(issuer)) {
      return AuthResult.refused("ID token not issued by Google: " + issuer);
    }
    Object email = jws.getPayload().get("email");
    String subject = jws.getPayload().getSubject();
    String principal = email instanceof String e ? e : subject;
    return principal == null
        ? AuthResult.refused("ID token without email or sub")
        : AuthResult.allowed(principal);
  }
}
