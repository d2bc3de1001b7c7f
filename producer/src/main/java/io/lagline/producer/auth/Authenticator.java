package io.lagline.producer.auth;

/**
 * Decides whether a request's caller may publish, from its {@code Authorization} header. Built from
 * the configured {@link AuthMode}: {@link BearerTokenAuthenticator}, {@link OidcAuthenticator} or
 * {@link #none()}.
 */
public interface Authenticator {
  /**
   * @param authorization the request's {@code Authorization} header, or null when it has none
   */
  AuthResult authenticate(String authorization);

  /** Lets every caller in, as {@code anonymous}: only for {@code serve.auth.mode = none}. */
  static Authenticator none() {
    return authorization -> AuthResult.allowed("anonymous");
  }

  /**
   * The token of a {@code Bearer} header, or null when the header is missing or of another scheme.
   */
  static String bearer(String authorization) {
    if (authorization == null || authorization.length() < 7) {
      return null;
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
