package io.lagline.pubsub;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A Security Token Service stand-in on 127.0.0.1 over HTTPS (the library accepts only {@code https}
 * token URLs), with a throw-away self-signed certificate made by {@code keytool}: it answers every
 * token exchange with {@link #ACCESS_TOKEN} and keeps the form of the last request.
 */
final class FakeTokenEndpoint implements AutoCloseable {
  static final String ACCESS_TOKEN = "ya29.fake-sts-token";
  private static final char[] PASSWORD = "changeit".toCharArray();

  private final HttpsServer server;
  private final KeyStore keyStore;
  final CompletableFuture<Map<String, String>> lastRequest = new CompletableFuture<>();

  private FakeTokenEndpoint(HttpsServer server, KeyStore keyStore) {
    this.server = server;
    this.keyStore = keyStore;
  }

  static FakeTokenEndpoint start(Path dir) throws IOException, GeneralSecurityException {
    KeyStore keyStore = selfSigned(dir.resolve("sts.p12"));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    FakeTokenEndpoint endpoint = new FakeTokenEndpoint(server, keyStore);
    server.createContext(
        "/v1/token",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            endpoint.lastRequest.complete(
                form(new String(body.readAllBytes(), StandardCharsets.UTF_8)));
          }
          byte[] answer =
              ("{\"access_token\": \""
                      + ACCESS_TOKEN
                      + "\","
                      + " \"issued_token_type\": \"urn:ietf:params:oauth:token-type:access_token\","
                      + " \"token_type\": \"Bearer\", \"expires_in\": 3600}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    return endpoint;
  }

  /** Where to exchange tokens: {@code https://127.0.0.1:PORT/v1/token}. */
  String tokenUrl() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/v1/token";
  }

  /** An HTTP transport that trusts this endpoint's certificate (and nothing else). */
  HttpTransportFactory trustingTransport() throws GeneralSecurityException {
    NetHttpTransport transport = new NetHttpTransport.Builder().trustCertificates(keyStore).build();
    return () -> transport;
  }

  private static KeyStore selfSigned(Path file) throws IOException, GeneralSecurityException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "sts",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "1",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      keyStore.load(in, PASSWORD);
    }
    return keyStore;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return fields;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
