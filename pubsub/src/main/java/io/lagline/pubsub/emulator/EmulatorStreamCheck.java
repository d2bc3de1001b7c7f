package io.lagline.pubsub.emulator;

import com.google.api.gax.rpc.ClientStream;
import com.google.api.gax.rpc.ResponseObserver;
import com.google.api.gax.rpc.StreamController;
import com.google.pubsub.v1.StreamingPullRequest;
import com.google.pubsub.v1.StreamingPullResponse;
import io.lagline.error.LaglineException;
import io.lagline.pubsub.PubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses an emulator that loses messages. The Pub/Sub emulator of Cloud SDK 528 (0.8.20) never
 * closes a streaming pull that its client closed or dropped: it keeps leasing messages to the dead
 * stream, and those never reach a live client. Every reconciler restart (kill -9, or a clean
 * SIGTERM) closes its streams, so on that emulator acknowledged events would silently never reach
 * Cassandra. Real Pub/Sub does not do this, so the check runs only against an emulator.
 *
 * <p>The check, on a throw-away topic and subscription: open {@value #STREAMS} streaming pulls,
 * give the emulator a moment to register them, cancel them, publish {@value #PROBES} messages and
 * pull them synchronously. A sound emulator hands them all over at once; one that kept the
 * cancelled stream leases them to it for the stream's ack deadline ({@value #ACK_DEADLINE_SECONDS}
 * s), so they cannot come back within {@link #DELIVERY_WAIT}. Whether a dead stream takes a message
 * is a race on the emulator's side, so the check runs {@value #ATTEMPTS} times on fresh
 * subscriptions and every attempt must see every message.
 */
public final class EmulatorStreamCheck {
  static final int PROBES = 20;
  static final Duration DELIVERY_WAIT = Duration.ofSeconds(10);
  static final int ATTEMPTS = 2;
  static final int STREAMS = 2;
  private static final Duration REGISTER_WAIT = Duration.ofMillis(500);
  private static final Duration PULL_INTERVAL = Duration.ofMillis(100);

  /** Far longer than {@link #DELIVERY_WAIT}: a message leased to a dead stream stays away. */
  static final int ACK_DEADLINE_SECONDS = 60;

  private static final Logger LOG = LoggerFactory.getLogger(EmulatorStreamCheck.class);

  private EmulatorStreamCheck() {}

  /**
   * Does nothing outside the emulator; on the emulator, fails naming the defect and the fix when a
   * closed streaming pull keeps its messages.
   *
   * @param subscription the reconciler's subscription, whose project holds the probe resources
   * @throws LaglineException when the emulator strands messages, or cannot be checked
   */
  public static void verify(PubSubConnection connection, String subscription) {
    if (connection.emulatorHost().isEmpty()) {
      return;
    }
    String project = subscription.substring(0, subscription.indexOf("/subscriptions/"));
    String host = connection.emulatorHost().get();
    long started = System.nanoTime();
    int delivered = PROBES;
    for (int attempt = 1; attempt <= ATTEMPTS && delivered == PROBES; attempt++) {
      String id = "lagline-stream-check-" + UUID.randomUUID().toString().substring(0, 8);
      try (ProbeResources probe =
          ProbeResources.create(
              connection, project + "/topics/" + id, project + "/subscriptions/" + id)) {
        delivered = run(probe);
      }
      LOG.debug("emulator stream check {}: {} of {} delivered", attempt, delivered, PROBES);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (delivered < PROBES) {
      throw new LaglineException(
          strandedMessage(host, delivered, connection.names().emulatorHost()));
    }
    LOG.info(
        "the Pub/Sub emulator at {} hands over messages after a stream closes ({} of {}, check took"
            + " {} ms)",
        host,
        delivered,
        PROBES,
        millis);
  }

  static String strandedMessage(String host, int delivered, String emulatorSetting) {
    return "the Pub/Sub emulator at "
        + host
        + " loses messages: after a streaming pull was closed it still leased them to the closed"
        + " stream ("
        + delivered
        + " of "
        + PROBES
        + " test messages reached a new client within "
        + DELIVERY_WAIT.toSeconds()
        + " s). This is the Cloud SDK 528 emulator (0.8.20), whose closing of streams fails with"
        + " NoSuchMethodError io.grpc.InternalStatus.asRuntimeException; every reconciler restart"
        + " would strand events. Run the fixed emulator the testkit starts (bin/emulator, or"
        + " LocalStack), or another emulator version, or real Pub/Sub ("
        + emulatorSetting
        + " unset)";
  }

  private static int run(ProbeResources probe) {
    List<StreamController> controllers = new ArrayList<>();
    for (int i = 0; i < STREAMS; i++) {
      open(probe, controllers);
    }
    try {
      pause(REGISTER_WAIT); // the emulator registers a stream asynchronously
    } finally {
      controllers.forEach(StreamController::cancel);
    }
    for (int i = 0; i < PROBES; i++) {
      probe.publish(i); // one by one: each is a chance for a dead stream to take it
    }
    return pullProbes(probe);
  }

  private static void open(ProbeResources probe, List<StreamController> controllers) {
    ClientStream<StreamingPullRequest> stream =
        probe
            .subscriber()
            .streamingPullCallable()
            .splitCall(
                new ResponseObserver<>() {
                  @Override
                  public void onStart(StreamController c) {
                    synchronized (controllers) {
                      controllers.add(c);
                    }
                  }

                  @Override
                  public void onResponse(StreamingPullResponse response) {}

                  @Override
                  public void onError(Throwable t) {
                    LOG.debug("emulator stream check: probe stream closed: {}", t.toString());
                  }

                  @Override
                  public void onComplete() {}
                });
    stream.send(
        StreamingPullRequest.newBuilder()
            .setSubscription(probe.subscription())
            .setStreamAckDeadlineSeconds(ACK_DEADLINE_SECONDS)
            .build());
  }

  private static int pullProbes(ProbeResources probe) {
    Set<String> seen = new HashSet<>();
    long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
    while (seen.size() < PROBES && System.nanoTime() < deadline) {
      List<String> pulled = probe.pullAndAck(PROBES);
      if (pulled.isEmpty()) {
        pause(PULL_INTERVAL);
      }
      seen.addAll(pulled);
    }
    return seen.size();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaglineException("interrupted while checking the Pub/Sub emulator");
    }
  }
}
