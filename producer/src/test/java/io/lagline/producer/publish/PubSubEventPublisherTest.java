package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.Status;
import io.lagline.contract.Contracts;
import io.lagline.contract.SchemaViolationException;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.event.EventRules;
import io.lagline.event.InvalidEventException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PubSubEventPublisherTest {
  private static final TopicPath TOPIC = TopicPath.parse("projects/demo-project/topics/events");

  private final FakePublisherClient client = new FakePublisherClient();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PublishMetrics metrics = new PublishMetrics();

  PubSubEventPublisherTest() {
    metrics.bindTo(registry);
  }

  @AfterEach
  void releaseShutdown() {
    if (client.shutdownBlocker != null) {
      client.shutdownBlocker.countDown();
    }
  }

  @Test
  void sends_the_envelope_as_attributes_and_the_payload_as_data_without_ordering_key_by_default() {
    Event event = event("device-1", 3);

    publisher(PublisherSettings.defaults()).publish(event);

    PubsubMessage message = client.messages.get(0);
    assertThat(message.getAttributesMap()).isEqualTo(event.attributes());
    assertThat(message.getData().toString(StandardCharsets.UTF_8)).isEqualTo("{\"n\":3}");
    assertThat(message.getOrderingKey()).isEmpty();
  }

  @Test
  void uses_the_entity_key_as_ordering_key_when_ordering_is_on() {
    publisher(PublisherSettings.builder().ordering(true).build()).publish(event("device-1", 1));

    assertThat(client.messages.get(0).getOrderingKey()).isEqualTo("device-1");
  }

  @Test
  void completes_with_the_receipt_once_pub_sub_confirms() throws Exception {
    Event event = event("device-1", 1);
    CompletableFuture<PublishReceipt> receipt =
        publisher(PublisherSettings.defaults()).publish(event);
    assertThat(receipt).isNotDone();
    assertThat(metrics.outstanding()).isEqualTo(1);

    client.confirm(0, "m-1");

    assertThat(receipt.get()).isEqualTo(new PublishReceipt(event.eventId(), "m-1"));
    assertThat(counter("ok")).isEqualTo(1);
    assertThat(metrics.outstanding()).isZero();
  }

  @Test
  void a_failed_publish_completes_with_its_kind_and_counts_as_failed() {
    CompletableFuture<PublishReceipt> receipt =
        publisher(PublisherSettings.defaults()).publish(event("device-1", 1));

    client.fail(0, notFound());

    assertThatThrownBy(receipt::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            PublishFailedException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(PublishFailure.TOPIC_NOT_FOUND);
              assertThat(e.entityKey()).isEqualTo("device-1");
            });
    assertThat(counter("failed")).isEqualTo(1);
    assertThat(client.resumedKeys).isEmpty();
  }

  @Test
  void resumes_the_ordering_key_after_an_ordered_publish_fails_so_the_key_does_not_stall() {
    EventPublisher publisher = publisher(PublisherSettings.builder().ordering(true).build());
    publisher.publish(event("device-7", 1));

    client.fail(0, notFound());

    assertThat(client.resumedKeys).containsExactly("device-7");
  }

  @Test
  void an_invalid_command_fails_at_once_and_nothing_is_published() {
    ObjectNode command = command("device-1", -1);
    command.remove("payload");
    EventPublisher publisher = publisher(PublisherSettings.defaults());

    assertThatThrownBy(() -> publisher.publish(command))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactly("entity_version", "payload"));
    assertThat(client.messages).isEmpty();
    assertThat(counter("rejected")).isEqualTo(1);
  }

  @Test
  void a_payload_that_breaks_its_schema_is_refused_with_every_pointer_and_never_published() {
    EventPublisher publisher =
        new PubSubEventPublisher(
            TOPIC, PublisherSettings.defaults(), metrics, client, Optional.of(Contracts.bundled()));
    ObjectNode command = command("device-1", 1);
    ((ObjectNode) command.get("payload")).put("steps", "many");

    assertThatThrownBy(() -> publisher.publish(command))
        .isInstanceOfSatisfying(
            SchemaViolationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactlyInAnyOrder("/steps", "/heart_rate"));
    assertThat(client.messages).isEmpty();
    assertThat(counter("rejected")).isEqualTo(1);

    ObjectNode valid = command("device-1", 2);
    valid.putObject("payload").put("steps", 10).put("heart_rate", 60);
    publisher.publish(valid);
    assertThat(client.messages).hasSize(1);
  }

  @Test
  void an_event_whose_data_exceeds_the_limit_fails_at_once_naming_it_and_counts_as_rejected() {
    ObjectNode command = command("device-1", 1);
    ((ObjectNode) command.get("payload")).put("blob", "x".repeat(11 * 1024 * 1024));
    Event event = EventCodec.fromCommand(command);
    EventPublisher publisher = publisher(PublisherSettings.defaults());

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> publisher.publish(event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("data: is too large: 11534353 bytes")
                .hasMessageContaining("bytes over the 9 MiB limit (9437184 bytes)"));
    assertThatThrownBy(() -> publisher.publish((JsonNode) command))
        .isInstanceOf(InvalidEventException.class);
    assertThat(client.messages).isEmpty();
    assertThat(counter("rejected")).isEqualTo(2);
    assertThat(metrics.outstanding()).isZero();
  }

  @Test
  void data_of_exactly_the_limit_is_published() {
    ObjectNode command = command("device-1", 1);
    String blob = "x".repeat(EventRules.MAX_DATA_BYTES - "{\"n\":1,\"b\":\"\"}".length());
    ((ObjectNode) command.get("payload")).put("b", blob);

    publisher(PublisherSettings.defaults()).publish(EventCodec.fromCommand(command));

    assertThat(client.messages.get(0).getData().size()).isEqualTo(EventRules.MAX_DATA_BYTES);
  }

  @Test
  void a_valid_command_is_published() {
    publisher(PublisherSettings.defaults()).publish((JsonNode) command("device-2", 5));

    assertThat(client.messages.get(0).getAttributesMap()).containsEntry("entity_key", "device-2");
  }

  @Test
  void close_waits_for_confirmations_no_longer_than_the_shutdown_timeout_then_fails_the_rest() {
    client.shutdownBlocker = new CountDownLatch(1);
    EventPublisher publisher =
        publisher(PublisherSettings.builder().shutdownTimeout(Duration.ofMillis(200)).build());
    CompletableFuture<PublishReceipt> receipt = publisher.publish(event("device-1", 1));

    assertTimeoutPreemptively(Duration.ofSeconds(10), publisher::close);

    assertThat(receipt).isCompletedExceptionally();
    assertThatThrownBy(receipt::join)
        .cause()
        .isInstanceOfSatisfying(
            PublishFailedException.class,
            e -> assertThat(e.failure()).isEqualTo(PublishFailure.SHUT_DOWN));
    assertThat(counter("failed")).isEqualTo(1);
    assertThat(metrics.outstanding()).isZero();
  }

  @Test
  void a_confirmation_after_close_gave_up_is_not_counted_twice() {
    client.shutdownBlocker = new CountDownLatch(1);
    EventPublisher publisher =
        publisher(PublisherSettings.builder().shutdownTimeout(Duration.ZERO).build());
    CompletableFuture<PublishReceipt> receipt = publisher.publish(event("device-1", 1));
    publisher.close();

    client.confirm(0, "late");

    assertThat(receipt).isCompletedExceptionally();
    assertThat(counter("failed")).isEqualTo(1);
    assertThat(counter("ok")).isZero();
  }

  @Test
  void publishing_after_close_is_refused() {
    EventPublisher publisher = publisher(PublisherSettings.defaults());
    publisher.close();
    publisher.close();

    assertThatThrownBy(() -> publisher.publish(event("device-1", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private EventPublisher publisher(PublisherSettings settings) {
    return new PubSubEventPublisher(TOPIC, settings, metrics, client);
  }

  private double counter(String outcome) {
    return registry
        .get(PublishMetrics.PUBLISHES)
        .tag(PublishMetrics.OUTCOME, outcome)
        .counters()
        .stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static ObjectNode command(String entityKey, long version) {
    ObjectNode command = EventCodec.json().createObjectNode();
    command.put("event_type", "DeviceSynced");
    command.put("schema_version", 1);
    command.put("entity_key", entityKey);
    command.put("entity_version", version);
    command.putObject("payload").put("n", version);
    return command;
  }

  private static Event event(String entityKey, long version) {
    return EventCodec.fromCommand(command(entityKey, version));
  }

  private static Throwable notFound() {
    return ApiExceptionFactory.createException(
        new RuntimeException("NOT_FOUND: Topic not found"),
        GrpcStatusCode.of(Status.Code.NOT_FOUND),
        false);
  }
}
