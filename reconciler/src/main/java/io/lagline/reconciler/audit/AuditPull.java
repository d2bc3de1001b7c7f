package io.lagline.reconciler.audit;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.DeadlineExceededException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SeekRequest;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.PullStubs;
import io.lagline.reconciler.config.ReconcilerKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The audit subscription read by synchronous pull, for {@code reconciler audit --since}: seeks it
 * back to a time, then pulls what was published since. A pull waits at most {@link #PULL_WAIT}; an
 * empty answer means the backlog is read.
 */
final class AuditPull implements AutoCloseable {
  /** The longest one pull waits before the subscription counts as read. */
  static final Duration PULL_WAIT = Duration.ofSeconds(3);

  private static final String KEY = ReconcilerKey.AUDIT_SUBSCRIPTION.path();

  private final SubscriberStub stub;
  private final String subscription;

  private AuditPull(SubscriberStub stub, String subscription) {
    this.stub = stub;
    this.subscription = subscription;
  }

  static AuditPull open(PubSubConnection connection, String subscription) {
    return new AuditPull(PullStubs.create(connection, subscription, PULL_WAIT), subscription);
  }

  /**
   * Seeks the subscription to {@code time}: messages published since then are delivered again
   * (acked ones too, when the subscription retains acked messages).
   */
  void seek(Instant time) {
    try {
      stub.seekCallable()
          .call(
              SeekRequest.newBuilder()
                  .setSubscription(subscription)
                  .setTime(
                      Timestamp.newBuilder()
                          .setSeconds(time.getEpochSecond())
                          .setNanos(time.getNano()))
                  .build());
    } catch (ApiException e) {
      throw failure("seek", e);
    }
  }

  List<ReceivedMessage> pull(int maxMessages) {
    PullRequest request =
        PullRequest.newBuilder().setSubscription(subscription).setMaxMessages(maxMessages).build();
    try {
      return stub.pullCallable()
          .call(request, GrpcCallContext.createDefault().withTimeoutDuration(PULL_WAIT))
          .getReceivedMessagesList();
    } catch (DeadlineExceededException e) {
      return List.of();
    } catch (ApiException e) {
      throw failure("pull from", e);
    }
  }

  void acknowledge(List<String> ackIds) {
    if (ackIds.isEmpty()) {
      return;
    }
    try {
      stub.acknowledgeCallable()
          .call(
              AcknowledgeRequest.newBuilder()
                  .setSubscription(subscription)
                  .addAllAckIds(ackIds)
                  .build());
    } catch (ApiException e) {
      throw failure("acknowledge on", e);
    }
  }

  /** Hands messages back at once, for whoever reads the subscription next. */
  void release(List<String> ackIds) {
    if (ackIds.isEmpty()) {
      return;
    }
    try {
      stub.modifyAckDeadlineCallable()
          .call(
              ModifyAckDeadlineRequest.newBuilder()
                  .setSubscription(subscription)
                  .addAllAckIds(ackIds)
                  .setAckDeadlineSeconds(0)
                  .build());
    } catch (ApiException e) {
      throw failure("release messages on", e);
    }
  }

  @Override
  public void close() {
    stub.close();
  }

  private LaglineException failure(String action, ApiException e) {
    return new LaglineException(describe(action, subscription, e), e);
  }

  /**
   * What a failed call says: the action, the subscription, the status code and its message; the
   * hint that the subscription may be missing only when Pub/Sub answered {@code NOT_FOUND}.
   */
  static String describe(String action, String subscription, ApiException e) {
    StatusCode.Code code = e.getStatusCode().getCode();
    String text = "cannot " + action + " " + subscription + ": " + code + " " + statusMessage(e);
    return code == StatusCode.Code.NOT_FOUND
        ? text
            + " (check "
            + KEY
            + " exists on "
            + ReconcilerKey.PUBSUB_TOPIC.path()
            + ": `reconciler provision` creates it)"
        : text;
  }

  /** The status description (e.g. "gRPC message exceeds maximum size 4194304: 6291867"). */
  private static String statusMessage(ApiException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String prefix = "io.grpc.StatusRuntimeException: " + e.getStatusCode().getCode() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
