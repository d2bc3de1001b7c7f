package io.lagline.reconciler.it;

import static io.lagline.reconciler.it.DeadLetterStack.subscription;
import static io.lagline.reconciler.it.DeadLetterStack.topic;
import static io.lagline.reconciler.it.Pipeline.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.util.Durations;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Topic;
import io.lagline.pubsub.admin.SnapshotName;
import io.lagline.pubsub.admin.Snapshots;
import io.lagline.pubsub.admin.TopicRetention;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The main topic's retention as {@code provision} sets it, and {@code snapshot create/list/delete}
 * with a seek to a snapshot, on a real emulator. The emulator reports a retention raised by an
 * update but retains messages only on a topic created with one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionSnapshotIT {
  DeadLetterStack stack;
  TopicAdminClient topics;

  @BeforeAll
  void start() throws Exception {
    stack = DeadLetterStack.start("retention-snapshot-it");
    topics =
        TopicAdminClient.create(
            stack.pubsub.connection().configure(TopicAdminSettings.newBuilder()).build());
  }

  @AfterAll
  void stop() {
    if (topics != null) {
      topics.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private Duration retention(String topicId) {
    return TopicRetention.of(stack.pubsub.connection(), topic(topicId)).orElseThrow();
  }

  @Test
  void provision_creates_the_topic_with_its_retention_raises_a_shorter_one_and_keeps_a_longer()
      throws Exception {
    Pipeline.CliResult fresh =
        cli("provision", "--config", stack.config("fresh", "topic-retention: 2d").toString());
    topics.createTopic(
        Topic.newBuilder()
            .setName(topic("short"))
            .setMessageRetentionDuration(Durations.fromSeconds(3600))
            .build());
    Path shortConfig = stack.config("short");
    Pipeline.CliResult raised = cli("provision", "--config", shortConfig.toString());
    Pipeline.CliResult kept =
        cli("provision", "--config", stack.config("short", "topic-retention: 1d").toString());

    assertThat(fresh.code()).as(fresh.toString()).isZero();
    assertThat(fresh.out())
        .contains("topic " + topic("fresh") + ": created (message retention 2d)");
    assertThat(retention("fresh")).isEqualTo(Duration.ofDays(2));
    assertThat(raised.code()).as(raised.toString()).isZero();
    assertThat(raised.out())
        .contains(
            "topic "
                + topic("short")
                + ": updated (pubsub.topic-retention: message retention 1h -> 7d)");
    assertThat(retention("short")).isEqualTo(Duration.ofDays(7));
    assertThat(kept.out())
        .contains(
            "topic "
                + topic("short")
                + ": exists (message retention 7d kept, longer than pubsub.topic-retention = 1d)");
    assertThat(retention("short")).isEqualTo(Duration.ofDays(7));
    assertThat(TopicRetention.of(stack.pubsub.connection(), topic("short-dlq"))).isEmpty();
  }

  @Test
  void a_seek_to_a_snapshot_redelivers_what_was_unacked_then_and_what_came_later()
      throws Exception {
    String config = stack.config("snap").toString();
    assertThat(cli("provision", "--config", config).code()).isZero();
    for (String data : List.of("m1", "m2", "m3")) {
      stack.publish("snap", data, Map.of());
    }
    List<ReceivedMessage> delivered = stack.pull("snap-sub");
    assertThat(data(delivered)).containsExactlyInAnyOrder("m1", "m2", "m3");
    stack.ack("snap-sub", delivered.stream().filter(m -> data(m).equals("m1")).toList());
    stack.nack("snap-sub", delivered.stream().filter(m -> !data(m).equals("m1")).toList());

    Pipeline.CliResult created = cli("snapshot", "create", "before-rebuild", "--config", config);
    stack.publish("snap", "m4", Map.of());
    assertThat(data(stack.drain("snap-sub"))).containsExactlyInAnyOrder("m2", "m3", "m4");
    Pipeline.CliResult listed = cli("snapshot", "list", "--config", config);
    try (Snapshots snapshots = Snapshots.open(stack.pubsub.connection())) {
      snapshots.seekToSnapshot(
          subscription("snap-sub"), SnapshotName.parse("before-rebuild", DeadLetterStack.PROJECT));
    }
    List<ReceivedMessage> again = stack.drain("snap-sub");
    Pipeline.CliResult twice = cli("snapshot", "create", "before-rebuild", "--config", config);
    Pipeline.CliResult deleted = cli("snapshot", "delete", "before-rebuild", "--config", config);
    Pipeline.CliResult gone = cli("snapshot", "delete", "before-rebuild", "--config", config);

    String name = "projects/" + DeadLetterStack.PROJECT + "/snapshots/before-rebuild";
    assertThat(created.code()).as(created.toString()).isZero();
    assertThat(created.out())
        .contains("snapshot " + name + ": created from " + subscription("snap-sub"))
        .contains("at most 7 days");
    assertThat(listed.code()).as(listed.toString()).isZero();
    assertThat(listed.out())
        .contains(name + " topic=" + topic("snap") + " expires=")
        .contains("snapshot")
        .contains("at most 7 days after it was created");
    assertThat(data(again)).containsExactlyInAnyOrder("m2", "m3", "m4");
    assertThat(twice.code()).isEqualTo(1);
    assertThat(twice.err().strip().lines()).hasSize(1);
    assertThat(twice.err()).contains("snapshot " + name + " already exists");
    assertThat(deleted.code()).as(deleted.toString()).isZero();
    assertThat(deleted.out()).contains("snapshot " + name + ": deleted");
    assertThat(gone.code()).isEqualTo(1);
    assertThat(gone.err().strip().lines()).hasSize(1);
    assertThat(gone.err()).contains("snapshot " + name + " does not exist");
  }

  private static List<String> data(List<ReceivedMessage> messages) {
    return messages.stream().map(RetentionSnapshotIT::data).toList();
  }

  private static String data(ReceivedMessage message) {
    return message.getMessage().getData().toStringUtf8();
  }
}
