package io.lagline.pubsub.admin;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.util.Durations;
import com.google.pubsub.v1.Topic;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A topic's message retention ({@code message_retention_duration}): how long the topic keeps every
 * message published to it, acknowledged or not, so that a subscription can be sought back that far.
 * Unset, the topic keeps nothing beyond what its subscriptions hold.
 */
public final class TopicRetention {
  private TopicRetention() {}

  /**
   * The retention of {@code topic}, read from Pub/Sub; empty when the topic has none.
   *
   * @param topic full name, {@code projects/P/topics/T}
   * @throws LaglineException when the topic does not exist or cannot be read, naming it
   */
  public static Optional<Duration> of(PubSubConnection connection, String topic) {
    try (TopicAdminClient admin =
        TopicAdminClient.create(connection.configure(TopicAdminSettings.newBuilder()).build())) {
      return of(admin.getTopic(topic));
    } catch (NotFoundException e) {
      throw new LaglineException("topic " + topic + " does not exist in " + connection.target(), e);
    } catch (ApiException e) {
      throw new LaglineException(
          "cannot read topic " + topic + ": " + e.getStatusCode().getCode() + " " + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new LaglineException("cannot create a Pub/Sub admin client: " + e.getMessage(), e);
    }
  }

  /** The retention {@code topic} declares; empty when it has none. */
  public static Optional<Duration> of(Topic topic) {
    if (!topic.hasMessageRetentionDuration()) {
      return Optional.empty();
    }
    Duration retention = Duration.ofMillis(Durations.toMillis(topic.getMessageRetentionDuration()));
    return retention.isZero() ? Optional.empty() : Optional.of(retention);
  }

  /** {@code retention} as the topic field's value. */
  public static com.google.protobuf.Duration toProto(Duration retention) {
    return Durations.fromMillis(retention.toMillis());
  }
}
