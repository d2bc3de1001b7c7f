package io.lagline.testkit.cassandra;

import io.lagline.testkit.TestkitException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates made at test time for a TLS-only local node: a CA, and a server certificate for
 * {@code 127.0.0.1} (SAN {@code IP:127.0.0.1}) signed by it. Made with the JDK's {@code keytool} in
 * child processes, so the testkit needs no crypto library; EC P-256 keys, valid two days.
 *
 * @param caPem the CA certificate, PEM: what a client trusts
 * @param serverKeystore the server's key and chain (server, CA), PKCS12
 * @param password the password of the keystore and its key
 */
public record TestCertificates(Path caPem, Path serverKeystore, String password) {
  /** The password of every store made here: they protect nothing but test data. */
  public static final String PASSWORD = "lagline-test";

  private static final String VALIDITY_DAYS = "2";

  /**
   * A CA and a server certificate for {@code 127.0.0.1}, written into {@code dir}: {@code ca.pem},
   * {@code ca.p12}, {@code server.p12} (the node's keystore) and {@code server.pem}.
   *
   * @throws TestkitException when keytool fails
   */
  public static TestCertificates create(Path dir) {
    Path caStore = caStore(dir, "ca", "Lagline test CA");
    Path caPem = exportPem(caStore, "ca", dir.resolve("ca.pem"));
    Path server = dir.resolve("server.p12");
    keytool(genkeypair(server, "server", "CN=127.0.0.1"));
    Path csr = dir.resolve("server.csr");
    keytool(
        List.of(
            "-certreq",
            "-alias",
            "server",
            "-keystore",
            server.toString(),
            "-storepass",
            PASSWORD,
            "-file",
            csr.toString()));
    Path serverPem = dir.resolve("server.pem");
    keytool(
        List.of(
            "-gencert",
            "-alias",
            "ca",
            "-keystore",
            caStore.toString(),
            "-storepass",
            PASSWORD,
            "-infile",
            csr.toString(),
            "-outfile",
            serverPem.toString(),
            "-rfc",
            "-validity",
            VALIDITY_DAYS,
            "-ext",
            "san=ip:127.0.0.1",
            "-ext",
            "ku:c=digitalSignature,keyEncipherment,keyAgreement",
            "-ext",
            "eku=serverAuth,clientAuth"));
    installChain(server, serverPem, caPem);
    return new TestCertificates(caPem, server, PASSWORD);
  }

  /**
   * A CA that signed nothing here, as {@code <name>.pem} in {@code dir}: trusting it instead of
   * {@link #caPem()} makes the handshake fail, as a wrong CA bundle would.
   */
  public static Path unrelatedCa(Path dir, String name) {
    return exportPem(caStore(dir, name, "Unrelated test CA"), name, dir.resolve(name + ".pem"));
  }

  /** A client context trusting {@link #caPem()}, e.g. for probes and test sessions. */
  public SSLContext clientContext() {
    try (InputStream in = Files.newInputStream(caPem)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, ca);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new TestkitException("cannot build a TLS context trusting " + caPem, e);
    }
  }

  /** Writes the private key of {@code alias} in {@code store} as unencrypted PKCS#8 PEM. */
  public static Path exportPrivateKey(Path store, String alias, Path pem) {
    try {
      KeyStore ks = KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
      PrivateKey key = (PrivateKey) ks.getKey(alias, PASSWORD.toCharArray());
      return Files.writeString(pem, pem("PRIVATE KEY", key.getEncoded()));
    } catch (IOException | GeneralSecurityException e) {
      throw new TestkitException("cannot export the key '" + alias + "' of " + store, e);
    }
  }

  private static Path caStore(Path dir, String name, String commonName) {
    Path store = dir.resolve(name + ".p12");
    List<String> args = new ArrayList<>(genkeypair(store, name, "CN=" + commonName));
    args.addAll(List.of("-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign"));
    keytool(args);
    return store;
  }

  private static List<String> genkeypair(Path store, String alias, String dname) {
    return List.of(
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        dname,
        "-validity",
        VALIDITY_DAYS,
        "-keystore",
        store.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
  }

  private static Path exportPem(Path store, String alias, Path pem) {
    try {
      KeyStore ks = KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
      return Files.writeString(pem, pem("CERTIFICATE", ks.getCertificate(alias).getEncoded()));
    } catch (IOException | GeneralSecurityException e) {
      throw new TestkitException("cannot export the certificate '" + alias + "' of " + store, e);
    }
  }

  /** Puts the signed certificate and its CA in place of the self-signed one of {@code server}. */
  private static void installChain(Path server, Path serverPem, Path caPem) {
    try {
      KeyStore ks = KeyStore.getInstance(server.toFile(), PASSWORD.toCharArray());
      PrivateKey key = (PrivateKey) ks.getKey("server", PASSWORD.toCharArray());
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      Certificate leaf;
      Certificate ca;
      try (InputStream in = Files.newInputStream(serverPem)) {
        leaf = x509.generateCertificate(in);
      }
      try (InputStream in = Files.newInputStream(caPem)) {
        ca = x509.generateCertificate(in);
      }
      ks.setKeyEntry("server", key, PASSWORD.toCharArray(), new Certificate[] {leaf, ca});
      try (var out = Files.newOutputStream(server)) {
        ks.store(out, PASSWORD.toCharArray());
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new TestkitException("cannot install the signed chain into " + server, e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static void keytool(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new TestkitException("keytool " + args.get(0) + " failed: " + output.strip());
      }
    } catch (IOException e) {
      throw new TestkitException("cannot run keytool " + args.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestkitException("interrupted while running keytool " + args.get(0), e);
    }
  }
}
