package io.lagline.producer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.lagline.event.EventCodec;
import io.lagline.event.InvalidEventException;
import io.lagline.event.Violation;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.PublishFailedException;
import io.lagline.producer.publish.PublishReceipt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Publishes one JSON event per line. Bad lines are reported on stderr as {@code line N: field:
 * rule; ...} and skipped; good ones are published without waiting for each other (the publisher's
 * flow control bounds how many are in flight). A fatal failure (topic not found, access denied)
 * stops the reading.
 */
final class LinePublisher {
  private static final ObjectReader JSON =
      EventCodec.json().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final EventPublisher publisher;
  private final PrintWriter err;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicBoolean fatal = new AtomicBoolean();
  private final InFlight inFlight = new InFlight();

  LinePublisher(EventPublisher publisher, PrintWriter err) {
    this.publisher = publisher;
    this.err = err;
  }

  /**
   * Reads every line of {@code in} and publishes the valid ones, then closes the publisher so that
   * every publish is answered, confirmed or failed, before the summary is made.
   */
  PublishSummary run(BufferedReader in) throws IOException {
    long number = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (fatal.get()) {
          report(
              "stopped before line " + number + ": it and the lines after it were not published");
          break;
        }
        if (!line.isBlank()) {
          publish(number, line);
        }
      }
    } finally {
      publisher.close();
      inFlight.awaitNone();
    }
    return new PublishSummary(published.get(), rejected.get(), failed.get(), fatal.get());
  }

  private void publish(long number, String line) {
    JsonNode command;
    try {
      command = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      reject(
          number,
          List.of(
              new Violation("$", "must be one JSON object per line: " + e.getOriginalMessage())));
      return;
    }
    CompletableFuture<PublishReceipt> future;
    try {
      future = publisher.publish(command);
    } catch (InvalidEventException e) {
      reject(number, e.violations());
      return;
    }
    inFlight.add();
    future.whenComplete(
        (receipt, failure) -> {
          try {
            if (failure == null) {
              published.incrementAndGet();
            } else {
              publishFailed(number, failure);
            }
          } finally {
            inFlight.remove();
          }
        });
  }

  private void reject(long number, List<Violation> violations) {
    rejected.incrementAndGet();
    report(
        "line "
            + number
            + ": "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
  }

  private void publishFailed(long number, Throwable failure) {
    failed.incrementAndGet();
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (!(cause instanceof PublishFailedException publish) || !publish.failure().fatal()) {
      report("line " + number + ": not published: " + cause.getMessage());
    } else if (fatal.compareAndSet(false, true)) {
      // reported once: every other publish fails the same way
      report("line " + number + ": not published (" + publish.failure() + ")");
      report("error: " + publish.failure().hint(publish.topic()));
    }
  }

  private void report(String message) {
    synchronized (err) {
      err.println(message);
      err.flush();
    }
  }

  /** Counts publishes not yet answered. */
  private static final class InFlight {
    private long count;

    synchronized void add() {
      count++;
    }

    synchronized void remove() {
      count--;
      if (count == 0) {
        notifyAll();
      }
    }

    /**
     * Waits until every publish is answered; the publisher's close() has bounded how long that
     * takes.
     */
    synchronized void awaitNone() {
      boolean interrupted = false;
      while (count > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
