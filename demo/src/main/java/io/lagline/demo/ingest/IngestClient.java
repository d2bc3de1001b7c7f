package io.lagline.demo.ingest;

import io.lagline.config.Secret;
import io.lagline.error.LaglineException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends requests to the ingest service's {@code POST /v1/events} over HTTP/1.1 with a bearer token,
 * at most {@code concurrency} in flight, and measures each one from its first send to its final
 * answer. A {@code 429} or {@code 503} is retried after its {@code Retry-After}, at most {@link
 * #MAX_ATTEMPTS} attempts in all; the {@code Idempotency-Key} makes a retry safe. Every request
 * must end with its {@link IngestRequest#expectedStatus()}: the first that does not stops the
 * sending, and {@link #send} throws an {@link IngestStatusException} naming it.
 */
public final class IngestClient {
  /** Requests in flight at most, by default. */
  public static final int DEFAULT_CONCURRENCY = 64;

  /** Attempts of one request at most, the first included, while it is answered 429 or 503. */
  public static final int MAX_ATTEMPTS = 5;

  /** The longest {@code Retry-After} waited for; a longer one is cut to this. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final HttpClient http;
  private final URI events;
  private final Secret token;
  private final int concurrency;

  /**
   * @param service the service's base URI, {@code http://HOST:PORT}
   * @param token the bearer token ({@code serve.auth.mode = token}); never logged
   */
  public IngestClient(URI service, Secret token, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.events = service.resolve("/v1/events");
    this.token = Objects.requireNonNull(token, "token");
    this.concurrency = concurrency;
  }

  /**
   * Sends every request, in order, and waits for their answers.
   *
   * @throws IngestStatusException when a request ends with another status than expected
   * @throws LaglineException when the service cannot be reached
   */
  public IngestStats send(List<IngestRequest> requests) throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    long[] latencies = new long[requests.size()];
    AtomicLong accepted = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<CompletableFuture<?>> answers = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size() && failure.get() == null; i++) {
      IngestRequest request = requests.get(i);
      int index = i;
      slots.acquire();
      long start = System.nanoTime();
      answers.add(
          attempt(request, 1)
              .whenComplete(
                  (response, error) -> {
                    latencies[index] = System.nanoTime() - start;
                    RuntimeException problem = check(request, response, error);
                    if (problem != null) {
                      failure.compareAndSet(null, problem);
                    } else if (response.statusCode() == 202) {
                      accepted.incrementAndGet();
                    } else {
                      rejected.incrementAndGet();
                    }
                    slots.release();
                  }));
    }
    slots.acquire(concurrency); // every answer is in
    if (failure.get() != null) {
      throw failure.get();
    }
    return IngestStats.of(accepted.get(), rejected.get(), latencies);
  }

  private CompletableFuture<HttpResponse<String>> attempt(IngestRequest request, int attempt) {
    HttpRequest http =
        HttpRequest.newBuilder(events)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token.reveal())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", request.idempotencyKey())
            .POST(HttpRequest.BodyPublishers.ofString(request.body()))
            .build();
    return this.http
        .sendAsync(http, BodyHandlers.ofString())
        .thenCompose(
            response -> {
              if (!retryable(response.statusCode()) || attempt >= MAX_ATTEMPTS) {
                return CompletableFuture.completedFuture(response);
              }
              Duration wait = retryAfter(response);
              return CompletableFuture.supplyAsync(
                      () -> null,
                      CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                  .thenCompose(ignored -> attempt(request, attempt + 1));
            });
  }

  /** Whether a status asks to retry later: a full publisher (429) or Pub/Sub unavailable (503). */
  static boolean retryable(int status) {
    return status == 429 || status == 503;
  }

  /** The response's {@code Retry-After} in seconds, 1 s when absent or unreadable, at most 30 s. */
  static Duration retryAfter(HttpResponse<?> response) {
    return retryAfter(response.headers().firstValue("Retry-After").orElse(null));
  }

  static Duration retryAfter(String header) {
    long seconds = 1;
    if (header != null) {
      try {
        seconds = Math.max(0, Long.parseLong(header.trim()));
      } catch (NumberFormatException e) {
        // an HTTP date: the service never sends one, so wait the default
      }
    }
    return Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds()));
  }

  private RuntimeException check(
      IngestRequest request, HttpResponse<String> response, Throwable error) {
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      return new LaglineException(
          "cannot reach the ingest service at " + events + ": " + cause, cause);
    }
    if (response.statusCode() != request.expectedStatus()) {
      return new IngestStatusException(request, response.statusCode(), abbreviate(response.body()));
    }
    return null;
  }

  private static String abbreviate(String body) {
    return body.length() <= 500 ? body : body.substring(0, 500) + "...";
  }
}
