package io.lagline.bench;

import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.core.InstantiatingExecutorProvider;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.config.PubSubConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ceiling (b): how fast the emulator hands out a backlog to a subscriber that does nothing but ack,
 * with the reconciler's stream settings ({@link Bench#STREAMS} streams, the reconciler's default
 * flow control and callback threads), in the bench's JVM. It drains the reconciler's backlog,
 * warm-up included, and is timed over the same measured events as the reconciler's drain.
 */
final class EmulatorCeiling {
  private EmulatorCeiling() {}

  /**
   * @param warm messages handled first and not measured
   * @param expected messages measured after them
   */
  static ScenarioResult run(String emulatorHost, String subscriptionId, long warm, long expected) {
    AtomicLong acked = new AtomicLong();
    MessageReceiver receiver =
        (PubsubMessage message, AckReplyConsumer reply) -> {
          reply.ack();
          acked.incrementAndGet();
        };
    try (PubSubConnection connection = PubSubConnection.emulator(emulatorHost)) {
      Subscriber.Builder builder =
          Subscriber.newBuilder(BenchStack.subscription(subscriptionId), receiver)
              .setParallelPullCount(Bench.STREAMS)
              .setFlowControlSettings(
                  FlowControlSettings.newBuilder()
                      .setMaxOutstandingElementCount(PubSubConfig.DEFAULT_MAX_OUTSTANDING_MESSAGES)
                      .setMaxOutstandingRequestBytes(PubSubConfig.DEFAULT_MAX_OUTSTANDING_BYTES)
                      .setLimitExceededBehavior(LimitExceededBehavior.Block)
                      .build())
              .setExecutorProvider(
                  InstantiatingExecutorProvider.newBuilder()
                      .setExecutorThreadCount(PubSubConfig.DEFAULT_EXECUTOR_THREADS)
                      .build());
      Subscriber subscriber = connection.configure(builder).build();
      subscriber.startAsync().awaitRunning();
      long self = ProcessHandle.current().pid();
      try {
        DrainClock.Timing timing =
            DrainClock.await(
                "the no-op subscriber",
                warm,
                expected,
                acked::get,
                subscriber::isRunning,
                self,
                Bench.STALL);
        return ScenarioResult.rate(
            "emulator_ceiling",
            "ceiling: emulator delivery (no-op subscriber)",
            expected,
            timing.events() == expected
                ? timing.seconds()
                : timing.seconds() * expected / timing.events(),
            new ProcStats(timing.cpuSeconds(), 0),
            Bench.STREAMS
                + " streams, ack only"
                + (warm > 0 ? "; after " + warm + " warm-up events" : ""));
      } finally {
        subscriber.stopAsync();
        try {
          subscriber.awaitTerminated(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          // the measurement is done; a slow stop only delays the next scenario
        }
      }
    }
  }
}
