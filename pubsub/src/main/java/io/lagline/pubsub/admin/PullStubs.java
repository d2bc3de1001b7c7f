package io.lagline.pubsub.admin;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import java.io.IOException;
import java.time.Duration;

/** Synchronous-pull stubs for the commands that read a subscription outside the streaming pull. */
public final class PullStubs {
  private PullStubs() {}

  /**
   * A stub on {@code connection} whose pulls make one attempt bounded by {@code wait}: a deadline
   * then means "nothing arrived", not a failure. The caller closes the stub.
   *
   * @param subscription named in the error when the stub cannot be created
   */
  public static SubscriberStub create(
      PubSubConnection connection, String subscription, Duration wait) {
    SubscriberStubSettings.Builder settings =
        connection.configureStub(SubscriberStubSettings.newBuilder());
    settings
        .pullSettings()
        .setRetrySettings(
            RetrySettings.newBuilder()
                .setMaxAttempts(1)
                .setInitialRpcTimeoutDuration(wait)
                .setMaxRpcTimeoutDuration(wait)
                .setTotalTimeoutDuration(wait)
                .build());
    try {
      return GrpcSubscriberStub.create(settings.build());
    } catch (IOException e) {
      throw new LaglineException(
          "cannot create a Pub/Sub subscriber for " + subscription + ": " + e.getMessage(), e);
    }
  }
}
