package io.lagline.testkit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {
  @Test
  void the_server_certificate_names_127_0_0_1_and_chains_to_the_ca(@TempDir Path dir)
      throws Exception {
    TestCertificates certs = TestCertificates.create(dir);

    KeyStore server =
        KeyStore.getInstance(certs.serverKeystore().toFile(), certs.password().toCharArray());
    Certificate[] chain = server.getCertificateChain("server");
    X509Certificate leaf = (X509Certificate) chain[0];
    X509Certificate ca;
    try (InputStream in = Files.newInputStream(certs.caPem())) {
      ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    assertThat(chain).hasSize(2);
    assertThat(leaf.getSubjectAlternativeNames()).contains(List.of(7, "127.0.0.1"));
    leaf.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(certs.clientContext().getProtocol()).isEqualTo("TLS");
    assertThat(
            Files.readString(
                TestCertificates.exportPrivateKey(
                    certs.serverKeystore(), "server", dir.resolve("server.key"))))
        .startsWith("-----BEGIN PRIVATE KEY-----");
  }
}
