package io.lagline.testkit.cassandra;

/** Which authenticator the local Cassandra node runs with. */
public enum CassandraAuthenticator {
  /** No credentials needed (the default). */
  ALLOW_ALL("AllowAllAuthenticator", "AllowAllAuthorizer"),
  /**
   * Username and password, for tests of credential handling. The node has the stock superuser
   * {@value #DEFAULT_SUPERUSER} with password {@value #DEFAULT_SUPERUSER_PASSWORD}.
   */
  PASSWORD("PasswordAuthenticator", "CassandraAuthorizer");

  public static final String DEFAULT_SUPERUSER = "cassandra";
  public static final String DEFAULT_SUPERUSER_PASSWORD = "cassandra";

  private final String authenticatorClass;
  private final String authorizerClass;

  CassandraAuthenticator(String authenticatorClass, String authorizerClass) {
    this.authenticatorClass = authenticatorClass;
    this.authorizerClass = authorizerClass;
  }

  String authenticatorClass() {
    return authenticatorClass;
  }

  String authorizerClass() {
    return authorizerClass;
  }

  /** {@code {username, password}} a client needs, or null when none are needed. */
  public String[] credentials() {
    return this == PASSWORD ? new String[] {DEFAULT_SUPERUSER, DEFAULT_SUPERUSER_PASSWORD} : null;
  }
}
