package io.lagline.producer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.auth.oauth2.TokenVerifier;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

/**
 * Tokens signed with a locally generated RSA key, verified by google-auth-library's {@link
 * TokenVerifier} given that key's public half ({@code setPublicKey}) instead of Google's
 * certificates: signature, audience, expiry and issuer are checked as in production; only fetching
 * Google's certificates is not exercised.
 */
class OidcAuthenticatorTest {
  private static final String AUDIENCE = "https://ingest.example.run.app";
  private static final KeyPair KEYS = keys();
  private static final KeyPair OTHER_KEYS = keys();

  private final OidcAuthenticator auth =
      new OidcAuthenticator(
          TokenVerifier.newBuilder().setAudience(AUDIENCE).setPublicKey(KEYS.getPublic()).build());

  private static KeyPair keys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(PrivateKey key, String issuer, String audience, long expiresInSeconds)
      throws Exception {
    JsonWebSignature.Header header = new JsonWebSignature.Header().setAlgorithm("RS256");
    header.setKeyId("test-key");
    long now = System.currentTimeMillis() / 1000;
    JsonWebSignature.Payload payload = new JsonWebSignature.Payload();
    payload.setIssuer(issuer);
    payload.setAudience(audience);
    payload.setSubject("1234567890");
    payload.set("email", "caller@project.iam.gserviceaccount.com");
    payload.setIssuedAtTimeSeconds(now - 10);
    payload.setExpirationTimeSeconds(now + expiresInSeconds);
    return JsonWebSignature.signUsingRsaSha256(
        key, GsonFactory.getDefaultInstance(), header, payload);
  }

  @Test
  void a_google_signed_token_for_the_audience_is_let_in_as_its_email() throws Exception {
    String token = token(KEYS.getPrivate(), "https://accounts.google.com", AUDIENCE, 600);

    AuthResult result = auth.authenticate("Bearer " + token);

    assertThat(result.ok()).as(result.reason()).isTrue();
    assertThat(result.principal()).isEqualTo("caller@project.iam.gserviceaccount.com");
  }

  @Test
  void a_token_for_another_audience_signed_by_another_key_expired_or_not_from_google_is_refused()
      throws Exception {
    assertThat(
            auth.authenticate(
                    "Bearer "
                        + token(
                            KEYS.getPrivate(), "https://accounts.google.com", "https://other", 600))
                .ok())
        .isFalse();
    assertThat(
            auth.authenticate(
                    "Bearer "
                        + token(
                            OTHER_KEYS.getPrivate(), "https://accounts.google.com", AUDIENCE, 600))
                .ok())
        .isFalse();
    assertThat(
            auth.authenticate(
                    "Bearer "
                        + token(KEYS.getPrivate(), "https://accounts.google.com", AUDIENCE, -3600))
                .ok())
        .isFalse();
    assertThat(
            auth.authenticate(
                    "Bearer " + token(KEYS.getPrivate(), "https://evil.example", AUDIENCE, 600))
                .ok())
        .isFalse();
    assertThat(auth.authenticate("Bearer not.a.jwt").ok()).isFalse();
    assertThat(auth.authenticate(null).ok()).isFalse();
  }
}
