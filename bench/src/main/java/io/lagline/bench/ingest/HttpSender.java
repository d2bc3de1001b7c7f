package io.lagline.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/events} over HTTP/1.1 on loopback from {@code clients} independent {@link
 * HttpClient}s (each its own connection pool and selector thread), send {@code i} on client {@code
 * i % clients}.
 */
final class HttpSender implements Sender {
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI events;
  private final String token;
  private final List<HttpClient> clients = new ArrayList<>();

  HttpSender(URI service, String token, int clients) {
    if (!service.getHost().startsWith("127.")) {
      throw new IllegalArgumentException("the bench sends load to loopback only, not " + service);
    }
    this.events = service.resolve("/v1/events");
    this.token = token;
    for (int i = 0; i < clients; i++) {
      this.clients.add(
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(REQUEST_TIMEOUT)
              .executor(Runnable::run) // on the client's selector thread: no hand-off per answer
              .build());
    }
  }

  @Override
  public CompletableFuture<Outcome> send(String phase, int i) {
    HttpRequest request =
        HttpRequest.newBuilder(events)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(IngestEvents.command(phase, i)))
            .build();
    return clients
        .get(i % clients.size())
        .sendAsync(request, BodyHandlers.discarding())
        .thenApply(
            response ->
                switch (response.statusCode()) {
                  case 202 -> Outcome.ACCEPTED;
                  case 429 -> Outcome.REFUSED;
                  default -> Outcome.FAILED;
                });
  }
}
