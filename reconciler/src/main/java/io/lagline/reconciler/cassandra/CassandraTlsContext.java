package io.lagline.reconciler.cassandra;

import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_CA_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_CERT_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_KEYSTORE_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_KEY_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.CASSANDRA_TLS_TRUSTSTORE_FILE;

import io.lagline.config.Secret;
import io.lagline.error.LaglineException;
import io.lagline.reconciler.config.CassandraTls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link SSLContext} the driver encrypts with, from {@code cassandra.tls.*}, with the
 * JDK alone: a PEM CA bundle or a JKS/PKCS12 truststore to trust the nodes, and optionally the
 * client's PEM certificate and PKCS#8 key or keystore for mutual TLS. Each failure names the key to
 * fix.
 */
final class CassandraTlsContext {
  private static final Pattern PEM_KEY =
      Pattern.compile(
          "-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1PRIVATE KEY-----");
  private static final char[] NO_PASSWORD = new char[0];
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

  private CassandraTlsContext() {}

  /**
   * The context for {@code tls}, which must be enabled.
   *
   * @throws LaglineException naming the key whose file cannot be used, and why
   */
  static SSLContext of(CassandraTls tls) {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      if (tls.caFile() != null) {
        List<Certificate> cas = certificates(tls.caFile(), CASSANDRA_TLS_CA_FILE.path());
        for (int i = 0; i < cas.size(); i++) {
          trust.setCertificateEntry("ca-" + i, cas.get(i));
        }
      }
      if (tls.truststoreFile() != null) {
        KeyStore store =
            store(
                tls.truststoreFile(),
                tls.truststorePassword(),
                CASSANDRA_TLS_TRUSTSTORE_FILE.path());
        int trusted = 0;
        for (String alias : Collections.list(store.aliases())) {
          if (store.isCertificateEntry(alias)) {
            trust.setCertificateEntry("store-" + alias, store.getCertificate(alias));
            trusted++;
          }
        }
        if (trusted == 0) {
          throw unusable(
              CASSANDRA_TLS_TRUSTSTORE_FILE.path(),
              tls.truststoreFile(),
              "holds no trusted certificate entry",
              null);
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManagerFactory kmf = null;
      if (tls.mutual()) {
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        if (tls.keystoreFile() != null) {
          kmf.init(
              store(tls.keystoreFile(), tls.keystorePassword(), CASSANDRA_TLS_KEYSTORE_FILE.path()),
              password(tls.keystorePassword()));
        } else {
          KeyStore identity = KeyStore.getInstance(KeyStore.getDefaultType());
          identity.load(null, null);
          List<Certificate> chain = certificates(tls.certFile(), CASSANDRA_TLS_CERT_FILE.path());
          identity.setKeyEntry(
              "client", privateKey(tls.keyFile()), NO_PASSWORD, chain.toArray(Certificate[]::new));
          kmf.init(identity, NO_PASSWORD);
        }
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new LaglineException("cannot set up TLS to Cassandra: " + e.getMessage(), e);
    }
  }

  /** Every certificate of a PEM file; at least one. */
  static List<Certificate> certificates(Path file, String key) {
    try (InputStream in = Files.newInputStream(file)) {
      List<Certificate> certificates =
          List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certificates.isEmpty()) {
        throw unusable(key, file, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)", null);
      }
      return certificates;
    } catch (IOException | GeneralSecurityException e) {
      throw unusable(key, file, "is not a PEM certificate file (" + e.getMessage() + ")", e);
    }
  }

  /** The unencrypted PKCS#8 private key of {@code cassandra.tls.key-file}. */
  static PrivateKey privateKey(Path file) {
    String key = CASSANDRA_TLS_KEY_FILE.path();
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw unusable(key, file, "cannot be read (" + e.getMessage() + ")", e);
    }
    Matcher m = PEM_KEY.matcher(pem);
    if (!m.find()) {
      throw unusable(key, file, "holds no PEM private key (-----BEGIN PRIVATE KEY-----)", null);
    }
    if (!m.group(1).isEmpty()) {
      throw unusable(
          key,
          file,
          "holds a '"
              + m.group(1).trim()
              + "' key; it must be unencrypted PKCS#8 (BEGIN PRIVATE KEY): convert it with"
              + " `openssl pkcs8 -topk8 -nocrypt`",
          null);
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(2));
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw unusable(key, file, "holds a private key of no known algorithm " + KEY_ALGORITHMS, null);
  }

  private static KeyStore store(Path file, Secret password, String key) {
    try {
      return KeyStore.getInstance(file.toFile(), password(password));
    } catch (IOException | GeneralSecurityException e) {
      String cause =
          e.getCause() instanceof java.security.UnrecoverableKeyException
              ? "wrong password"
              : e.getMessage();
      throw unusable(key, file, "cannot be opened as a JKS or PKCS12 store (" + cause + ")", e);
    }
  }

  private static char[] password(Secret password) {
    return password == null ? null : password.reveal().toCharArray();
  }

  private static LaglineException unusable(String key, Path file, String why, Exception cause) {
    return new LaglineException(key + " '" + file + "' " + why, cause);
  }
}
