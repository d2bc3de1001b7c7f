package io.lagline.pubsub.admin;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.PermissionDeniedException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.pubsub.v1.CreateSnapshotRequest;
import com.google.pubsub.v1.ListSnapshotsRequest;
import com.google.pubsub.v1.ProjectName;
import com.google.pubsub.v1.SeekRequest;
import com.google.pubsub.v1.Snapshot;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pub/Sub snapshots: a subscription's acknowledgment state pinned under a name, so that the
 * subscription (or another on the same topic) can be sought back to it. Pub/Sub deletes a snapshot
 * when it expires: at most 7 days after it was created, sooner when the subscription's oldest
 * unacknowledged message was older then. Every failure is a {@link LaglineException} naming the
 * snapshot and what Pub/Sub answered.
 */
public final class Snapshots implements AutoCloseable {
  private final SubscriptionAdminClient admin;

  private Snapshots(SubscriptionAdminClient admin) {
    this.admin = admin;
  }

  /**
   * A snapshot as listed.
   *
   * @param name full name, {@code projects/P/snapshots/ID}
   * @param topic full name of the topic whose messages it pins
   * @param expireTime when Pub/Sub deletes it, or null when not reported
   */
  public record Listed(String name, String topic, Instant expireTime) {
    static Listed of(Snapshot snapshot) {
      Instant expires =
          snapshot.hasExpireTime()
              ? Instant.ofEpochSecond(
                  snapshot.getExpireTime().getSeconds(), snapshot.getExpireTime().getNanos())
              : null;
      return new Listed(snapshot.getName(), snapshot.getTopic(), expires);
    }
  }

  /** Opens an admin client over {@code connection}, which the caller closes after this. */
  public static Snapshots open(PubSubConnection connection) {
    try {
      return new Snapshots(
          SubscriptionAdminClient.create(
              connection.configure(SubscriptionAdminSettings.newBuilder()).build()));
    } catch (IOException e) {
      throw new LaglineException(
          "cannot create a Pub/Sub admin client for " + connection.target() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Snapshots {@code subscription} as {@code name}: the messages unacknowledged on it now, and
   * every message published to its topic later, are what a seek to the snapshot delivers again.
   *
   * @param subscription full name, {@code projects/P/subscriptions/S}
   */
  public Listed create(SnapshotName name, String subscription) {
    try {
      return Listed.of(
          admin.createSnapshot(
              CreateSnapshotRequest.newBuilder()
                  .setName(name.fullName())
                  .setSubscription(subscription)
                  .build()));
    } catch (AlreadyExistsException e) {
      throw new LaglineException(
          "snapshot " + name + " already exists: delete it first, or choose another name", e);
    } catch (NotFoundException e) {
      throw new LaglineException(
          "cannot create snapshot " + name + ": subscription " + subscription + " not found", e);
    } catch (ApiException e) {
      throw failure("create snapshot " + name + " of " + subscription, e);
    }
  }

  /** Every snapshot of {@code project}, in the order Pub/Sub lists them. */
  public List<Listed> list(String project) {
    List<Listed> listed = new ArrayList<>();
    try {
      for (Snapshot snapshot :
          admin
              .listSnapshots(
                  ListSnapshotsRequest.newBuilder()
                      .setProject(ProjectName.of(project).toString())
                      .build())
              .iterateAll()) {
        listed.add(Listed.of(snapshot));
      }
    } catch (ApiException e) {
      throw failure("list the snapshots of project " + project, e);
    }
    return listed;
  }

  /** Deletes the snapshot. */
  public void delete(SnapshotName name) {
    try {
      admin.deleteSnapshot(name.fullName());
    } catch (NotFoundException e) {
      throw new LaglineException(
          "snapshot " + name + " does not exist (expired, deleted, or never created)", e);
    } catch (ApiException e) {
      throw failure("delete snapshot " + name, e);
    }
  }

  /**
   * Seeks {@code subscription} to the snapshot: the messages unacknowledged when it was taken, and
   * those published to the topic since, are delivered again; the others count as acknowledged. The
   * subscription must be on the snapshot's topic.
   *
   * @param subscription full name, {@code projects/P/subscriptions/S}
   */
  public void seekToSnapshot(String subscription, SnapshotName snapshot) {
    try {
      admin.seek(
          SeekRequest.newBuilder()
              .setSubscription(subscription)
              .setSnapshot(snapshot.fullName())
              .build());
    } catch (NotFoundException e) {
      throw new LaglineException(
          "cannot seek "
              + subscription
              + " to snapshot "
              + snapshot
              + ": the subscription or the snapshot does not exist ("
              + e.getMessage()
              + ")",
          e);
    } catch (ApiException e) {
      throw failure("seek " + subscription + " to snapshot " + snapshot, e);
    }
  }

  private static LaglineException failure(String action, ApiException e) {
    String hint =
        e instanceof PermissionDeniedException
            ? "permission denied: the account needs roles/pubsub.editor"
            : e.getStatusCode().getCode() + ": " + e.getMessage();
    return new LaglineException("cannot " + action + ": " + hint, e);
  }

  @Override
  public void close() {
    admin.close();
  }
}
