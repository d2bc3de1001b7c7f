package io.lagline.reconciler.cli;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.pubsub.admin.SnapshotName;
import io.lagline.pubsub.admin.Snapshots;
import java.util.List;

/** What the {@code snapshot} commands print, and how they read a snapshot name. */
final class SnapshotLines {
  /** When Pub/Sub deletes a snapshot. */
  static final String EXPIRY_NOTE =
      "Pub/Sub deletes a snapshot when it expires: at most 7 days after it was created, sooner"
          + " when the subscription's oldest unacked message was older then (the snapshot keeps"
          + " that message, so it expires 7 days after its publish time).";

  private SnapshotLines() {}

  /**
   * {@code text} (an id, taken to be in {@code project}, or a full name) as a snapshot name.
   *
   * @throws ConfigException naming the NAME parameter and the rule (exit 2)
   */
  static SnapshotName name(String text, String project) {
    try {
      return SnapshotName.parse(text, project);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          List.of(new ConfigProblem("NAME", text, e.getMessage(), "command line")));
    }
  }

  /** One listed snapshot, e.g. {@code projects/p/snapshots/s topic=... expires=...}. */
  static String line(Snapshots.Listed snapshot) {
    return snapshot.name()
        + " topic="
        + snapshot.topic()
        + " expires="
        + (snapshot.expireTime() == null ? "unknown" : snapshot.expireTime().toString());
  }

  /** The line after a listing. */
  static String listSummary(int count, String project) {
    return count
        + (count == 1 ? " snapshot" : " snapshots")
        + " in project "
        + project
        + ". "
        + EXPIRY_NOTE;
  }

  /** The line after a create. */
  static String created(Snapshots.Listed snapshot, String subscription) {
    return "snapshot "
        + snapshot.name()
        + ": created from "
        + subscription
        + " (topic "
        + snapshot.topic()
        + "), expires "
        + (snapshot.expireTime() == null ? "unknown" : snapshot.expireTime().toString());
  }
}
