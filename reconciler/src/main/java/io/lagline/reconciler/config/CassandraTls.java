package io.lagline.reconciler.config;

import io.lagline.config.Secret;
import java.nio.file.Path;

/**
 * Client encryption to Cassandra ({@code cassandra.tls.*}). The server is trusted through a PEM CA
 * bundle or a truststore; a client certificate (PEM pair or keystore) is optional, for mutual TLS.
 *
 * @param enabled whether the driver speaks TLS
 * @param caFile PEM CA certificates the server's chain must lead to, or null
 * @param truststoreFile a JKS or PKCS12 truststore, or null
 * @param truststorePassword the truststore's password, or null
 * @param certFile the client's PEM certificate chain, or null
 * @param keyFile the client's unencrypted PKCS#8 PEM private key, or null
 * @param keystoreFile a JKS or PKCS12 keystore holding the client's key and certificate, or null
 * @param keystorePassword the keystore's (and its key's) password, or null
 * @param hostnameVerification whether the server certificate must name the host connected to
 */
public record CassandraTls(
    boolean enabled,
    Path caFile,
    Path truststoreFile,
    Secret truststorePassword,
    Path certFile,
    Path keyFile,
    Path keystoreFile,
    Secret keystorePassword,
    boolean hostnameVerification) {

  /** Default for {@code cassandra.tls.enabled}. */
  public static final boolean DEFAULT_ENABLED = false;

  /** Default for {@code cassandra.tls.hostname-verification}. */
  public static final boolean DEFAULT_HOSTNAME_VERIFICATION = true;

  /** Plaintext: no TLS. */
  public static CassandraTls disabled() {
    return new CassandraTls(
        false, null, null, null, null, null, null, null, DEFAULT_HOSTNAME_VERIFICATION);
  }

  /** Whether the client presents a certificate (mutual TLS). */
  public boolean mutual() {
    return certFile != null || keystoreFile != null;
  }
}
