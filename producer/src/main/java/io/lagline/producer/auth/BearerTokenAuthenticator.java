package io.lagline.producer.auth;

import io.lagline.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets in callers that send {@code Authorization: Bearer <the configured token>}. The comparison
 * takes the same time whatever the token sent: both are hashed with SHA-256 and the digests
 * compared with {@link MessageDigest#isEqual}, so neither a mismatch's position nor the length
 * leaks.
 */
public final class BearerTokenAuthenticator implements Authenticator {
  /** The principal of a caller with the token. */
  public static final String PRINCIPAL = "token";

  private final byte[] expected;

  public BearerTokenAuthenticator(Secret token) {
    this.expected = sha256(token.reveal());
  }

  @Override
  public AuthResult authenticate(String authorization) {
    String token = Authenticator.bearer(authorization);
    if (token == null) {
      return AuthResult.refused("missing bearer token");
    }
    return MessageDigest.isEqual(expected, sha256(token))
        ? AuthResult.allowed(PRINCIPAL)
        : AuthResult.refused("invalid bearer token");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
