package io.lagline.reconciler.it;

import static io.lagline.reconciler.it.Pipeline.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.lagline.reconciler.deadletter.DeadLetterAttributes;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code dlq list} and {@code dlq replay} on a real emulator: dead letters with different reasons
 * sit on a dead-letter subscription; the commands show them, leave them, or move exactly the chosen
 * ones back to the main topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterCommandsIT {
  DeadLetterStack stack;

  @BeforeAll
  void start() throws Exception {
    stack = DeadLetterStack.start("dead-letter-commands-it");
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  /** Topics and subscriptions of pipeline {@code name}, four dead letters parked; its config. */
  private Path parked(String name) throws Exception {
    Path config = stack.config(name);
    Pipeline.CliResult provisioned = cli("provision", "--config", config.toString());
    assertThat(provisioned.code()).as(provisioned.toString()).isZero();
    stack.publish(name + "-dlq", "{\"steps\":1}", deadLetter("e-1", "missing_field"));
    stack.publish(name + "-dlq", "{\"steps\":2}", deadLetter("e-2", "missing_field"));
    stack.publish(name + "-dlq", "{\"steps\":3}", deadLetter("e-3", "unknown_event_type"));
    Map<String, String> forwarded = original("e-4");
    forwarded.put(DeadLetterAttributes.PUBSUB_DELIVERY_COUNT, "20");
    forwarded.put("CloudPubSubDeadLetterSourceSubscription", name + "-sub");
    stack.publish(name + "-dlq", "{\"steps\":4}", forwarded);
    return config;
  }

  private static Map<String, String> original(String eventId) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("event_id", eventId);
    attributes.put("event_type", "DeviceSynced");
    attributes.put("schema_version", "1");
    attributes.put("entity_key", "dev-" + eventId);
    attributes.put("entity_version", "1");
    attributes.put("occurred_at", "2026-11-23T06:00:00Z");
    return attributes;
  }

  private static Map<String, String> deadLetter(String eventId, String reason) {
    Map<String, String> attributes = original(eventId);
    attributes.put(DeadLetterAttributes.REASON, reason);
    attributes.put(DeadLetterAttributes.DETAIL, "what went wrong with " + eventId);
    attributes.put(DeadLetterAttributes.FIRST_SEEN, "2026-11-23T06:00:01Z");
    attributes.put(DeadLetterAttributes.SUBSCRIPTION, "projects/demo-project/subscriptions/x");
    attributes.put(DeadLetterAttributes.ORIGINAL_MESSAGE_ID, "m-" + eventId);
    return attributes;
  }

  private static List<String> messageLines(String out) {
    return out.lines().filter(line -> line.contains("message_id=")).toList();
  }

  @Test
  void list_shows_every_dead_letter_counts_them_by_reason_and_leaves_them_there() throws Exception {
    Path config = parked("listing");

    Pipeline.CliResult first = cli("dlq", "list", "--config", config.toString());
    Pipeline.CliResult second = cli("dlq", "list", "--config", config.toString());

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(messageLines(first.out())).hasSize(4);
    assertThat(first.out())
        .contains(
            "reason=missing_field first_seen=2026-11-23T06:00:01Z event_type=DeviceSynced"
                + " entity_key=dev-e-1 event_id=e-1 detail=\"what went wrong with e-1\"")
        .contains("reason=max_delivery_attempts first_seen=- event_type=DeviceSynced")
        .contains("after 20 deliveries")
        .contains(
            "listed 4 of 4 read; by reason: max_delivery_attempts=1 missing_field=2"
                + " unknown_event_type=1");
    assertThat(second.code()).isZero();
    assertThat(messageLines(second.out())).hasSize(4);
  }

  @Test
  void list_filters_by_reason_and_stops_at_the_limit() throws Exception {
    Path config = parked("filtering");

    Pipeline.CliResult unknown =
        cli("dlq", "list", "--reason", "unknown_event_type", "--config", config.toString());
    Pipeline.CliResult limited = cli("dlq", "list", "--limit", "1", "--config", config.toString());

    assertThat(messageLines(unknown.out())).hasSize(1).allMatch(l -> l.contains("event_id=e-3"));
    assertThat(unknown.out()).contains("listed 1 of 4 read");
    assertThat(messageLines(limited.out())).hasSize(1);
    assertThat(limited.out()).contains("stopped at --limit 1");
  }

  @Test
  void a_dry_run_prints_what_would_be_replayed_and_changes_nothing() throws Exception {
    Path config = parked("dry-run");

    Pipeline.CliResult dryRun =
        cli(
            "dlq",
            "replay",
            "--reason",
            "missing_field",
            "--dry-run",
            "--config",
            config.toString());

    assertThat(dryRun.code()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out().lines().filter(l -> l.startsWith("would replay message_id=")))
        .hasSize(2);
    assertThat(dryRun.out()).contains("would replay=2 skipped=2");
    assertThat(stack.pull("dry-run-sub")).isEmpty();
    Pipeline.CliResult list = cli("dlq", "list", "--config", config.toString());
    assertThat(messageLines(list.out())).hasSize(4);
  }

  @Test
  void replay_republishes_exactly_the_chosen_ones_with_their_original_attributes()
      throws Exception {
    Path config = parked("replaying");

    Pipeline.CliResult replay =
        cli("dlq", "replay", "--reason", "missing_field", "--config", config.toString());

    assertThat(replay.code()).as(replay.toString()).isZero();
    assertThat(replay.out()).endsWith("replayed=2 skipped=2 failed=0" + System.lineSeparator());
    List<PubsubMessage> republished =
        stack.drain("replaying-sub").stream().map(ReceivedMessage::getMessage).toList();
    assertThat(republished)
        .extracting(m -> m.getData().toStringUtf8())
        .containsExactlyInAnyOrder("{\"steps\":1}", "{\"steps\":2}");
    assertThat(republished)
        .extracting(PubsubMessage::getAttributesMap)
        .containsExactlyInAnyOrder(original("e-1"), original("e-2"));
    Pipeline.CliResult left = cli("dlq", "list", "--config", config.toString());
    assertThat(messageLines(left.out()))
        .hasSize(2)
        .anyMatch(l -> l.contains("event_id=e-3"))
        .anyMatch(l -> l.contains("event_id=e-4"));
  }

  @Test
  void replay_of_a_message_pubsub_forwarded_drops_pubsubs_attributes_too() throws Exception {
    Path config = parked("forwarded");

    Pipeline.CliResult replay =
        cli("dlq", "replay", "--reason", "max_delivery_attempts", "--config", config.toString());

    assertThat(replay.out()).contains("replayed=1 skipped=3 failed=0");
    assertThat(stack.drain("forwarded-sub"))
        .singleElement()
        .satisfies(m -> assertThat(m.getMessage().getAttributesMap()).isEqualTo(original("e-4")));
  }

  @Test
  void a_failed_publish_leaves_the_message_parked_and_exits_1() throws Exception {
    Path config = parked("topic-gone");
    stack.pubsub.deleteTopic("topic-gone");

    Pipeline.CliResult replay =
        cli("dlq", "replay", "--reason", "missing_field", "--config", config.toString());

    assertThat(replay.code()).as(replay.toString()).isEqualTo(1);
    assertThat(replay.err().lines().filter(l -> l.startsWith("failed message_id="))).hasSize(2);
    assertThat(replay.out()).contains("replayed=0 skipped=2 failed=2");
    Pipeline.CliResult list = cli("dlq", "list", "--config", config.toString());
    assertThat(messageLines(list.out())).hasSize(4);
  }

  @Test
  void a_dead_letter_subscription_that_does_not_exist_is_one_line_and_exit_1() throws Exception {
    Path config = stack.config("unprovisioned");

    Pipeline.CliResult list = cli("dlq", "list", "--config", config.toString());

    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err().strip().lines()).hasSize(1);
    assertThat(list.err())
        .contains("unprovisioned-dlq-sub")
        .contains("does not exist")
        .contains("pubsub.dead-letter.subscription");
  }
}
