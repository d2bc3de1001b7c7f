package io.lagline.reconciler.rebuild;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.SeekRequest;
import com.google.pubsub.v1.Subscription;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rebuild's own subscription on the event topic: created fresh at the start (one left by a
 * rebuild that was killed is deleted first: a rebuild starts over, which the conditional writes
 * make safe), sought back to the start of the window or to a snapshot, and deleted at the end.
 * Nothing else reads it, so the running reconcilers' subscription is never moved.
 */
final class ReplaySubscription implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplaySubscription.class);

  private final SubscriptionAdminClient client;
  private final String name;

  private ReplaySubscription(SubscriptionAdminClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** Opens an admin client over {@code connection} for the subscription {@code name}. */
  static ReplaySubscription open(PubSubConnection connection, String name) {
    try {
      return new ReplaySubscription(
          SubscriptionAdminClient.create(
              connection.configure(SubscriptionAdminSettings.newBuilder()).build()),
          name);
    } catch (IOException e) {
      throw new LaglineException(
          "cannot create a Pub/Sub admin client for " + connection.target() + ": " + e, e);
    }
  }

  String name() {
    return name;
  }

  /** Creates the subscription on {@code topic}, deleting first one left by an earlier rebuild. */
  void create(String topic, Duration ackDeadline) {
    try {
      if (delete()) {
        LOG.info("{} was left by an earlier rebuild: deleted, this one starts over", name);
      }
      client.createSubscription(
          Subscription.newBuilder()
              .setName(name)
              .setTopic(topic)
              .setAckDeadlineSeconds((int) ackDeadline.toSeconds())
              .build());
    } catch (ApiException e) {
      throw failure("create", e);
    }
  }

  /** Seeks to {@code time}: every retained message published since is delivered. */
  void seek(Instant time) {
    seek(
        SeekRequest.newBuilder()
            .setSubscription(name)
            .setTime(
                Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()))
            .build());
  }

  /**
   * Seeks to the snapshot {@code snapshot} (full name): what it held unacked, and what followed.
   */
  void seek(String snapshot) {
    seek(SeekRequest.newBuilder().setSubscription(name).setSnapshot(snapshot).build());
  }

  private void seek(SeekRequest request) {
    try {
      client.seek(request);
    } catch (ApiException e) {
      throw failure("seek", e);
    }
  }

  /** Deletes the subscription; false when it did not exist. */
  boolean delete() {
    try {
      client.deleteSubscription(name);
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (ApiException e) {
      throw failure("delete", e);
    }
  }

  private LaglineException failure(String action, ApiException e) {
    return new LaglineException(
        "cannot "
            + action
            + " the rebuild's subscription "
            + name
            + ": "
            + e.getStatusCode().getCode()
            + " "
            + e.getMessage()
            + " (the rebuild needs roles/pubsub.editor on the project: it creates, seeks and"
            + " deletes its own subscription)",
        e);
  }

  @Override
  public void close() {
    client.close();
  }
}
