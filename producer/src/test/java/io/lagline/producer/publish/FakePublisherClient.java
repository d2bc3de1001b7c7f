package io.lagline.producer.publish;

import com.google.api.core.ApiFuture;
import com.google.api.core.SettableApiFuture;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link PublisherClient} whose publishes the test confirms or fails, and whose shutdown may
 * hang.
 */
final class FakePublisherClient implements PublisherClient {
  final List<PubsubMessage> messages = new ArrayList<>();
  final List<SettableApiFuture<String>> answers = new ArrayList<>();
  final List<String> resumedKeys = new ArrayList<>();

  /**
   * While set, shutdown() blocks until it is counted down, as the real client does with stuck
   * publishes.
   */
  volatile CountDownLatch shutdownBlocker;

  volatile boolean shutDown;

  @Override
  public synchronized ApiFuture<String> publish(PubsubMessage message) {
    if (shutDown) {
      throw new IllegalStateException("Cannot publish on a shut-down publisher.");
    }
    messages.add(message);
    SettableApiFuture<String> answer = SettableApiFuture.create();
    answers.add(answer);
    return answer;
  }

  @Override
  public synchronized void resumePublish(String orderingKey) {
    resumedKeys.add(orderingKey);
  }

  @Override
  public void shutdown() {
    shutDown = true;
    CountDownLatch blocker = shutdownBlocker;
    if (blocker != null) {
      try {
        blocker.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean awaitTermination(Duration timeout) {
    return true;
  }

  void confirm(int index, String messageId) {
    answers.get(index).set(messageId);
  }

  void fail(int index, Throwable failure) {
    answers.get(index).setException(failure);
  }
}
