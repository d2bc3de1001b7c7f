package io.lagline.reconciler.it;

import static io.lagline.reconciler.it.Pipeline.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.reconciler.app.ReconcilerApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code reconciler rebuild --snapshot} on a real emulator and Cassandra node: a snapshot taken
 * while events wait unacked, more published after it, the rebuild into a new keyspace holds them
 * all; and what is refused before anything is created (an unknown snapshot, a time the topic does
 * not retain).
 */
class RebuildSnapshotIT extends OnLocalStack {
  private Path config(Pipeline pipeline) throws Exception {
    String yaml = Files.readString(pipeline.configFile);
    return Files.writeString(
        dir.resolve(pipeline.name + "-rebuild.yaml"),
        yaml.replaceFirst("pubsub:\n", "pubsub:\n  topic: " + pipeline.topic + "\n"));
  }

  private static List<Event> events(String device, int from, int to) {
    List<Event> events = new ArrayList<>();
    for (int version = from; version <= to; version++) {
      events.add(
          Pipeline.synced(
              device,
              version,
              EventCodec.json()
                  .createObjectNode()
                  .put("steps", version * 10)
                  .put("heart_rate", 60)));
    }
    return events;
  }

  @Test
  void a_rebuild_from_a_snapshot_writes_what_was_unacked_then_and_everything_after()
      throws Exception {
    // the emulator seeks a new subscription to a snapshot only on a topic created with retention
    pubsub.createTopic("rebuild_snap", Duration.ofHours(1));
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "rebuild_snap", "");
    Path config = config(pipeline);
    pipeline.applySchema();
    try (ReconcilerApp app = ReconcilerApp.start(pipeline.config())) {
      pipeline.publish(events("dev-1", 1, 3));
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> pipeline.rows(session, "sync_history").size() == 3);
    }
    pipeline.publish(events("dev-1", 4, 4));
    Pipeline.CliResult snapshot =
        cli("snapshot", "create", "before-change", "--config", config.toString());
    pipeline.publish(events("dev-2", 1, 2));

    Pipeline.CliResult rebuild =
        cli(
            "rebuild",
            "--config",
            config.toString(),
            "--snapshot",
            "before-change",
            "--keyspace",
            "rebuild_snap_copy");

    assertThat(snapshot.code()).as(snapshot.toString()).isZero();
    assertThat(rebuild.code()).as(rebuild.toString()).isZero();
    assertThat(rebuild.out())
        .contains(
            "replay:        from snapshot projects/"
                + stack.projectId()
                + "/snapshots/before-change")
        .contains("rebuild:       done")
        // dev-2's two versions may arrive in either order: the older is then stale, not applied
        .contains("settled:       3 messages");
    List<String> history = new ArrayList<>();
    for (Row row :
        session.execute(
            SimpleStatement.newInstance(
                    "SELECT device_id, steps FROM rebuild_snap_copy.sync_history")
                .setTimeout(Duration.ofSeconds(30)))) {
      history.add(row.getString(0) + "=" + row.getInt(1));
    }
    assertThat(history)
        .as("acked before the snapshot: not replayed; unacked then, or published after: replayed")
        .containsExactlyInAnyOrder("dev-1=40", "dev-2=10", "dev-2=20");
    Row state =
        session
            .execute(
                "SELECT entity_version FROM rebuild_snap_copy.device_state WHERE device_id ="
                    + " 'dev-1'")
            .one();
    assertThat(state.getLong(0)).isEqualTo(4);
    try (SubscriptionAdminClient subscriptions =
        SubscriptionAdminClient.create(
            pubsub.connection().configure(SubscriptionAdminSettings.newBuilder()).build())) {
      assertThatThrownBy(() -> subscriptions.getSubscription(pipeline.subscription() + "-rebuild"))
          .as("the rebuild's subscription, deleted at the end")
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void an_unknown_snapshot_and_a_time_the_topic_does_not_retain_are_refused_up_front()
      throws Exception {
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "rebuild_refused", "");
    Path config = config(pipeline);

    Pipeline.CliResult unknown =
        cli("rebuild", "--config", config.toString(), "--snapshot", "never-taken");
    Pipeline.CliResult unretained = cli("rebuild", "--config", config.toString(), "--since", "2h");

    assertThat(unknown.code()).as(unknown.toString()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("--snapshot = 'never-taken'")
        .contains("is not a snapshot of project " + stack.projectId());
    assertThat(unretained.code()).as(unretained.toString()).isEqualTo(2);
    assertThat(unretained.err())
        .contains("--since = '2h'")
        .contains("has no message retention (set pubsub.topic-retention");
  }
}
