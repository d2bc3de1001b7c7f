package io.lagline.pubsub.admin;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.GetSubscriptionRequest;
import com.google.pubsub.v1.GetTopicRequest;
import io.lagline.config.ConfigKey;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Start-up checks that the subscription and the dead-letter topic exist, so a typo or a missing
 * resource fails fast with the key to fix instead of surfacing later as a stream of errors.
 */
public final class PubSubChecks {
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(20);

  private PubSubChecks() {}

  /** Fails naming {@code key} unless {@code subscription} exists. */
  public static void subscriptionExists(
      PubSubConnection connection, String subscription, ConfigKey key) {
    try (SubscriptionAdminClient admin =
        SubscriptionAdminClient.create(
            connection.configure(SubscriptionAdminSettings.newBuilder()).build())) {
      await(
          admin
              .getSubscriptionCallable()
              .futureCall(
                  GetSubscriptionRequest.newBuilder().setSubscription(subscription).build()),
          connection,
          "subscription " + subscription,
          key);
    } catch (IOException e) {
      throw new LaglineException("cannot create a Pub/Sub admin client: " + e.getMessage(), e);
    }
  }

  /** Fails naming {@code key} unless {@code topic} exists. */
  public static void topicExists(PubSubConnection connection, String topic, ConfigKey key) {
    try (TopicAdminClient admin =
        TopicAdminClient.create(connection.configure(TopicAdminSettings.newBuilder()).build())) {
      await(
          admin.getTopicCallable().futureCall(GetTopicRequest.newBuilder().setTopic(topic).build()),
          connection,
          "topic " + topic,
          key);
    } catch (IOException e) {
      throw new LaglineException("cannot create a Pub/Sub admin client: " + e.getMessage(), e);
    }
  }

  private static void await(
      ApiFuture<?> lookup, PubSubConnection connection, String what, ConfigKey key) {
    String where =
        connection.emulatorHost().map(h -> "the emulator at " + h).orElse("Google Cloud Pub/Sub");
    try {
      lookup.get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ApiException api) {
        StatusCode.Code code = api.getStatusCode().getCode();
        if (code == StatusCode.Code.NOT_FOUND) {
          throw new LaglineException(
              what
                  + " does not exist in "
                  + where
                  + ": create it (bin/reconciler provision) or fix "
                  + key.path());
        }
        if (code == StatusCode.Code.PERMISSION_DENIED || code == StatusCode.Code.UNAUTHENTICATED) {
          throw new LaglineException(
              "not allowed to read "
                  + what
                  + " in "
                  + where
                  + " ("
                  + code
                  + "): check "
                  + connection.names().credentialsFile()
                  + " and the account's roles");
        }
      }
      throw new LaglineException(
          "cannot check "
              + what
              + " in "
              + where
              + ": "
              + e.getCause()
              + " (check "
              + connection.names().emulatorHost()
              + " / "
              + connection.names().credentialsFile()
              + " and the network)",
          e.getCause());
    } catch (TimeoutException e) {
      lookup.cancel(true);
      throw new LaglineException(
          "no answer from "
              + where
              + " within "
              + CHECK_TIMEOUT.toSeconds()
              + " s: is it running and reachable? ("
              + connection.names().emulatorHost()
              + " / network)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaglineException("interrupted while checking " + what);
    }
  }
}
