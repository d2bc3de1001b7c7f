package io.lagline.reconciler.deadletter;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.DeadlineExceededException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.PermissionDeniedException;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PullRequest;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.PullStubs;
import io.lagline.reconciler.config.ReconcilerKey;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@link DeadLetterSource} over the client's synchronous-pull stub. A pull waits at most {@link
 * #PULL_WAIT} for messages: with nothing to deliver, the emulator answers empty about a second
 * before the deadline and Google Cloud answers empty or lets the deadline pass; either way that
 * means nothing is waiting. ({@code return_immediately} is deprecated, and Google Cloud may answer
 * such a pull empty while messages wait.) Failures become a {@link LaglineException} naming the
 * subscription and the key to fix.
 */
public final class GrpcDeadLetterSource implements DeadLetterSource {
  /** The longest one pull waits for messages before the subscription counts as drained. */
  public static final Duration PULL_WAIT = Duration.ofSeconds(3);

  /** Ack ids per acknowledge / modify-ack-deadline request, well inside the 512 kB limit. */
  static final int MAX_IDS_PER_REQUEST = 500;

  private static final String KEY = ReconcilerKey.PUBSUB_DEAD_LETTER_SUBSCRIPTION.path();

  private final SubscriberStub stub;
  private final String subscription;

  GrpcDeadLetterSource(SubscriberStub stub, String subscription) {
    this.stub = stub;
    this.subscription = subscription;
  }

  /** A source reading {@code subscription} over {@code connection}, which the caller closes. */
  public static GrpcDeadLetterSource open(PubSubConnection connection, String subscription) {
    return new GrpcDeadLetterSource(
        PullStubs.create(connection, subscription, PULL_WAIT), subscription);
  }

  @Override
  public List<DeadLetter> pull(int maxMessages) {
    PullRequest request =
        PullRequest.newBuilder().setSubscription(subscription).setMaxMessages(maxMessages).build();
    try {
      return stub
          .pullCallable()
          .call(request, GrpcCallContext.createDefault().withTimeoutDuration(PULL_WAIT))
          .getReceivedMessagesList()
          .stream()
          .map(DeadLetter::from)
          .toList();
    } catch (DeadlineExceededException e) {
      return List.of();
    } catch (ApiException e) {
      throw failure("pull from", e);
    }
  }

  @Override
  public void modifyAckDeadline(List<String> ackIds, Duration deadline) {
    for (List<String> chunk : chunks(ackIds)) {
      try {
        stub.modifyAckDeadlineCallable()
            .call(
                ModifyAckDeadlineRequest.newBuilder()
                    .setSubscription(subscription)
                    .addAllAckIds(chunk)
                    .setAckDeadlineSeconds((int) deadline.toSeconds())
                    .build());
      } catch (ApiException e) {
        throw failure("modify ack deadlines on", e);
      }
    }
  }

  @Override
  public void acknowledge(List<String> ackIds) {
    for (List<String> chunk : chunks(ackIds)) {
      try {
        stub.acknowledgeCallable()
            .call(
                AcknowledgeRequest.newBuilder()
                    .setSubscription(subscription)
                    .addAllAckIds(chunk)
                    .build());
      } catch (ApiException e) {
        throw failure("acknowledge on", e);
      }
    }
  }

  @Override
  public String subscription() {
    return subscription;
  }

  @Override
  public void close() {
    stub.close();
  }

  static List<List<String>> chunks(List<String> ids) {
    int size = MAX_IDS_PER_REQUEST;
    return IntStream.range(0, (ids.size() + size - 1) / size)
        .mapToObj(i -> ids.subList(i * size, Math.min(ids.size(), (i + 1) * size)))
        .toList();
  }

  private LaglineException failure(String action, ApiException e) {
    String hint;
    if (e instanceof NotFoundException) {
      hint =
          "the subscription does not exist: run `reconciler provision` or fix "
              + KEY
              + " (it must be a subscription of "
              + ReconcilerKey.PUBSUB_DEAD_LETTER_TOPIC.path()
              + ")";
    } else if (e instanceof PermissionDeniedException) {
      hint =
          "permission denied: the account needs roles/pubsub.subscriber on it"
              + " ("
              + ReconcilerKey.PUBSUB_CREDENTIALS_FILE.path()
              + ")";
    } else {
      hint =
          e.getStatusCode().getCode()
              + ": "
              + e.getMessage()
              + " (check "
              + KEY
              + ", "
              + ReconcilerKey.PUBSUB_EMULATOR_HOST.path()
              + " and the network)";
    }
    return new LaglineException("cannot " + action + " " + subscription + ": " + hint, e);
  }
}
