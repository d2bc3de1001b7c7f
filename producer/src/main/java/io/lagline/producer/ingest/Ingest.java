package io.lagline.producer.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.contract.Contracts;
import io.lagline.contract.SchemaViolationException;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.event.InvalidEventException;
import io.lagline.event.Violation;
import io.lagline.producer.publish.EventPublisher;
import io.lagline.producer.publish.PublishFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a request body into events and publishes them: the hub of {@code POST /v1/events} and
 * {@code POST /v1/events:batch}, free of HTTP types. A body is parsed and checked whole (envelope
 * and payload schema, every violation reported) before anything is published; the reply is {@code
 * 202} only once Pub/Sub has confirmed, else the status of {@link FailureStatus}.
 */
public final class Ingest {
  private static final ObjectReader JSON =
      EventCodec.json().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The fields that select or hold the payload's schema: broken, the schema is not checked. */
  private static final java.util.Set<String> ENVELOPE_OF_SCHEMA =
      java.util.Set.of(Attributes.EVENT_TYPE, Attributes.SCHEMA_VERSION, "payload", "data");

  private final EventPublisher publisher;
  private final Optional<Contracts> contracts;
  private final int maxBatchSize;

  /**
   * @param contracts the payload schemas, checked here (give the publisher none): a batch is
   *     checked whole before any of it is published
   */
  public Ingest(EventPublisher publisher, Optional<Contracts> contracts, int maxBatchSize) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.contracts = Objects.requireNonNull(contracts, "contracts");
    this.maxBatchSize = maxBatchSize;
  }

  /** {@code POST /v1/events}: one producer command. */
  public CompletableFuture<Reply> one(byte[] body) {
    JsonNode command;
    try {
      command = JSON.readTree(body);
    } catch (IOException e) {
      return done(Reply.of(400, Replies.invalid("", List.of(notJson(e)))));
    }
    Event event;
    try {
      event = EventCodec.fromCommand(command);
      contracts.ifPresent(c -> c.check(event));
    } catch (InvalidEventException e) {
      return done(Reply.of(400, Replies.invalid("", withSchema(command, e))));
    }
    return publish(event);
  }

  /** {@code POST /v1/events:batch}: a JSON array of commands, all valid or none published. */
  public CompletableFuture<Reply> batch(byte[] body) {
    JsonNode array;
    try {
      array = JSON.readTree(body);
    } catch (IOException e) {
      return done(Reply.of(400, Replies.invalid("", List.of(notJson(e)))));
    }
    if (array == null || !array.isArray() || array.isEmpty()) {
      return done(
          Reply.of(
              400,
              Replies.invalid(
                  "", List.of(new Violation("$", "must be a non-empty JSON array of events")))));
    }
    if (array.size() > maxBatchSize) {
      return done(
          Reply.of(
              413,
              Replies.error(
                  "batch_too_large",
                  array.size() + " events; at most " + maxBatchSize + " per batch")));
    }
    List<Event> events = new ArrayList<>();
    ArrayNode violations = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < array.size(); i++) {
      try {
        Event event = EventCodec.fromCommand(array.get(i));
        List<Violation> schema = contracts.map(c -> c.validate(event)).orElse(List.of());
        if (!schema.isEmpty()) {
          throw new SchemaViolationException(event.eventType(), event.schemaVersion(), schema);
        }
        events.add(event);
      } catch (InvalidEventException e) {
        violations.addAll(Replies.violations("/" + i, withSchema(array.get(i), e)));
      }
    }
    if (!violations.isEmpty()) {
      ObjectNode reply =
          Replies.error("invalid_event", "the batch breaks the contract; nothing was published");
      reply.set("violations", violations);
      return done(Reply.of(400, reply));
    }
    List<CompletableFuture<Reply>> replies = events.stream().map(this::publish).toList();
    return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> BatchReply.of(replies.stream().map(CompletableFuture::join).toList()));
  }

  /**
   * The violations of a command whose envelope is broken, and of its payload's schema too when its
   * type, version and payload can be read: the caller learns every problem in one reply.
   */
  private List<Violation> withSchema(JsonNode command, InvalidEventException e) {
    List<Violation> all = new ArrayList<>(e.violations());
    boolean schemaChecked = e instanceof SchemaViolationException;
    boolean readable =
        command != null
            && command.path("event_type").isTextual()
            && command.path("schema_version").canConvertToExactIntegral()
            && command.path("payload").isObject()
            && all.stream().map(Violation::field).noneMatch(ENVELOPE_OF_SCHEMA::contains);
    if (!schemaChecked && readable && contracts.isPresent()) {
      all.addAll(
          contracts
              .get()
              .validate(
                  command.get("event_type").asText(),
                  command.get("schema_version").asInt(),
                  command.get("payload")));
    }
    return all;
  }

  private CompletableFuture<Reply> publish(Event event) {
    try {
      return publisher
          .publish(event)
          .handle(
              (receipt, failure) ->
                  failure == null
                      ? Reply.of(202, Replies.accepted(event, receipt))
                      : failed(event, PublishFailure.classify(failure)));
    } catch (InvalidEventException e) {
      return done(Reply.of(400, Replies.invalid("", e.violations())));
    } catch (IllegalStateException e) {
      return done(failed(event, PublishFailure.SHUT_DOWN)); // the publisher is closed
    }
  }

  private static Reply failed(Event event, PublishFailure failure) {
    FailureStatus status = FailureStatus.of(failure);
    return new Reply(status.status(), Replies.failed(status, event.eventId()), status.retryAfter());
  }

  private static Violation notJson(IOException e) {
    String detail =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return new Violation("$", "must be JSON: " + detail);
  }

  private static CompletableFuture<Reply> done(Reply reply) {
    return CompletableFuture.completedFuture(reply);
  }
}
