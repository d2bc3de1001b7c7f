package io.lagline.producer.auth;

/** How the ingest service authenticates its callers ({@code serve.auth.mode}). */
public enum AuthMode {
  /** A bearer token shared with the callers, from a file or the environment. */
  TOKEN,
  /**
   * A Google-signed OIDC ID token whose audience is the service, as Cloud Run service-to-service
   * calls carry.
   */
  OIDC,
  /** No authentication: only when set explicitly, e.g. behind a proxy that authenticates. */
  NONE
}
