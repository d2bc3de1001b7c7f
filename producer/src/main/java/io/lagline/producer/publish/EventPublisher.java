package io.lagline.producer.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.Event;
import io.lagline.event.InvalidEventException;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes Lagline events to one topic. Publishes are batched and run concurrently; each returns
 * at once with a future of its receipt, unless too many are outstanding, in which case it blocks
 * (or fails, per {@link PublisherSettings#limitExceeded()}) until Pub/Sub confirms earlier ones.
 * See {@link PubSubEventPublisher}.
 */
public interface EventPublisher extends AutoCloseable {

  /**
   * Publishes an event: its envelope as attributes, its payload as the data.
   *
   * @return completes with the receipt once Pub/Sub confirms, or exceptionally with a {@link
   *     PublishFailedException} saying why and what to do; dependent stages may run on the client's
   *     threads
   * @throws InvalidEventException at once, naming the limit, when the payload exceeds the
   *     contract's 9 MiB ({@link io.lagline.event.EventRules#MAX_DATA_BYTES}), or, as its subtype
   *     {@link io.lagline.contract.SchemaViolationException}, naming every violation with its JSON
   *     pointer, when the publisher checks payload schemas and this one breaks its schema; nothing
   *     is published then
   * @throws IllegalStateException after {@link #close()}
   */
  CompletableFuture<PublishReceipt> publish(Event event);

  /**
   * Validates a producer command ({@code {event_type, schema_version, entity_key, entity_version,
   * payload, event_id?, occurred_at?}}) and publishes the event it describes.
   *
   * @throws InvalidEventException at once, naming every violation, when the command breaks the
   *     contract (its payload schema included, as for {@link #publish(Event)}); nothing is
   *     published then
   * @throws IllegalStateException after {@link #close()}
   */
  CompletableFuture<PublishReceipt> publish(JsonNode command);

  /**
   * Sends what is batched and waits, at most for {@link PublisherSettings#shutdownTimeout()}, for
   * Pub/Sub to confirm every outstanding publish. When it returns, every future it handed out is
   * complete: those still unconfirmed fail with {@link PublishFailure#SHUT_DOWN}. Idempotent.
   */
  @Override
  void close();
}
