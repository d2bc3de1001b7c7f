package io.lagline.reconciler.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.config.Secret;
import io.lagline.error.LaglineException;
import io.lagline.reconciler.config.CassandraTls;
import io.lagline.testkit.cassandra.TestCertificates;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraTlsContextTest {
  @TempDir static Path shared;
  static TestCertificates certs;
  @TempDir Path dir;

  /** keytool runs a few seconds on a busy machine: one set of certificates for the class. */
  @BeforeAll
  static void certificates() {
    certs = TestCertificates.create(shared);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Test
  void reads_unencrypted_pkcs8_keys_of_rsa_and_ec() throws Exception {
    for (String algorithm : new String[] {"RSA", "EC"}) {
      KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
      Path file =
          Files.writeString(
              dir.resolve(algorithm + ".key"),
              "comment line\n" + pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

      assertThat(CassandraTlsContext.privateKey(file).getEncoded())
          .isEqualTo(pair.getPrivate().getEncoded());
    }
  }

  @Test
  void an_encrypted_or_pkcs1_key_names_the_key_and_the_conversion() throws Exception {
    Path encrypted =
        Files.writeString(dir.resolve("enc.key"), pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2}));
    Path pkcs1 = Files.writeString(dir.resolve("rsa.key"), pem("RSA PRIVATE KEY", new byte[] {1}));

    assertThatThrownBy(() -> CassandraTlsContext.privateKey(encrypted))
        .isInstanceOf(LaglineException.class)
        .hasMessageContaining("cassandra.tls.key-file '" + encrypted + "'")
        .hasMessageContaining("'ENCRYPTED' key")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    assertThatThrownBy(() -> CassandraTlsContext.privateKey(pkcs1))
        .hasMessageContaining("'RSA' key");
  }

  @Test
  void a_ca_file_that_is_not_pem_names_its_key() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");

    assertThatThrownBy(() -> CassandraTlsContext.certificates(ca, "cassandra.tls.ca-file"))
        .isInstanceOf(LaglineException.class)
        .hasMessageStartingWith("cassandra.tls.ca-file '" + ca + "'");
  }

  @Test
  void builds_a_context_from_a_pem_ca_a_pem_client_pair_or_stores() throws Exception {
    Path key =
        TestCertificates.exportPrivateKey(certs.serverKeystore(), "server", dir.resolve("c.key"));
    Path cert = shared.resolve("server.pem");
    Secret password = Secret.of(certs.password());

    SSLContext pem =
        CassandraTlsContext.of(
            new CassandraTls(true, certs.caPem(), null, null, cert, key, null, null, true));
    Path truststore = truststore(certs);
    SSLContext stores =
        CassandraTlsContext.of(
            new CassandraTls(
                true,
                null,
                truststore,
                password,
                null,
                null,
                certs.serverKeystore(),
                password,
                true));

    assertThat(pem.getProtocol()).isEqualTo("TLS");
    assertThat(stores.getProtocol()).isEqualTo("TLS");
  }

  @Test
  void a_truststore_without_trusted_certificates_names_its_key() {
    Secret password = Secret.of(certs.password());

    assertThatThrownBy(
            () ->
                CassandraTlsContext.of(
                    new CassandraTls(
                        true,
                        null,
                        certs.serverKeystore(),
                        password,
                        null,
                        null,
                        null,
                        null,
                        true)))
        .hasMessageContaining("cassandra.tls.truststore-file")
        .hasMessageContaining("holds no trusted certificate entry");
  }

  private Path truststore(TestCertificates certs) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream in = Files.newInputStream(certs.caPem())) {
      store.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path file = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, certs.password().toCharArray());
    }
    return file;
  }

  @Test
  void a_wrong_store_password_names_the_key() {

    assertThatThrownBy(
            () ->
                CassandraTlsContext.of(
                    new CassandraTls(
                        true,
                        null,
                        certs.serverKeystore(),
                        Secret.of("wrong"),
                        null,
                        null,
                        null,
                        null,
                        true)))
        .hasMessageStartingWith("cassandra.tls.truststore-file '" + certs.serverKeystore() + "'")
        .hasMessageContaining("wrong password");
  }
}
