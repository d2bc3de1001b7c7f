package io.lagline.producer.auth;

/**
 * The outcome of {@link Authenticator#authenticate}.
 *
 * @param principal who called (scopes idempotency keys); null when refused
 * @param reason why the caller was refused, safe to send back (never the token); null when allowed
 */
public record AuthResult(String principal, String reason) {
  public static AuthResult allowed(String principal) {
    return new AuthResult(principal, null);
  }

  public static AuthResult refused(String reason) {
    return new AuthResult(null, reason);
  }

  public boolean ok() {
    return principal != null;
  }
}
