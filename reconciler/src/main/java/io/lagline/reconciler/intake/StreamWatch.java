package io.lagline.reconciler.intake;

import io.grpc.Status;
import io.lagline.reconciler.config.IntakeHealthConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the recent history of the subscription's streaming pulls, as seen by {@link
 * StreamingPullInterceptor}: counts each error by its gRPC code, logs the first error of a window
 * at INFO and repeated ones at WARN (at most once per {@link #WARN_INTERVAL}, with a count), and
 * answers readiness: the subscription is erroring when {@code pubsub.stream-error-threshold} errors
 * happened within {@code pubsub.stream-error-window} with no message received after them.
 */
public final class StreamWatch {
  /** WARN lines about repeated stream errors are at least this far apart. */
  public static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(StreamWatch.class);

  /** One stream that closed with an error. */
  record StreamError(Status.Code code, String description, Instant at) {
    String cause() {
      return code + (description == null ? "" : ": " + description);
    }
  }

  private final String subscription;
  private final IntakeHealthConfig config;
  private final Clock clock;
  private final Consumer<Status.Code> counter;
  private final Deque<Instant> errors = new ArrayDeque<>();
  private volatile Instant lastReceived;
  private StreamError lastError;
  private Instant lastWarn;
  private int sinceWarn;

  /**
   * @param subscription named in the log lines and the readiness report
   * @param config the window, threshold and stall timeout
   * @param clock the time errors and messages are stamped with
   * @param counter counts each error by its code (the stream-error metric)
   */
  public StreamWatch(
      String subscription, IntakeHealthConfig config, Clock clock, Consumer<Status.Code> counter) {
    this.subscription = subscription;
    this.config = config;
    this.clock = clock;
    this.counter = counter;
  }

  /** A streaming-pull response arrived: the stream works. */
  void received() {
    lastReceived = clock.instant();
  }

  /** A streaming pull closed with a non-OK status; the client reconnects if it is retryable. */
  void failed(Status.Code code, String description) {
    counter.accept(code);
    StreamError error = new StreamError(code, description, clock.instant());
    int inWindow;
    int warned = 0;
    synchronized (this) {
      prune(error.at());
      errors.addLast(error.at());
      lastError = error;
      sinceWarn++;
      inWindow = errors.size();
      if (inWindow >= config.streamErrorThreshold()
          && warnDue(error.at(), lastWarn, WARN_INTERVAL)) {
        warned = sinceWarn;
        sinceWarn = 0;
        lastWarn = error.at();
      }
    }
    if (warned > 0) {
      LOG.warn(
          "streaming pull of {} keeps failing: {} error(s) in the last {} ({} since the last"
              + " warning), the last {}; the client reconnects and Pub/Sub delivers the same messages"
              + " again, last message received {}",
          subscription,
          inWindow,
          config.streamErrorWindow(),
          warned,
          error.cause(),
          lastReceived == null ? "never" : lastReceived);
    } else if (inWindow == 1) {
      LOG.info("streaming pull of {} closed with {}", subscription, error.cause());
    } else {
      LOG.debug("streaming pull of {} closed with {}", subscription, error.cause());
    }
  }

  /**
   * Why the subscription counts as erroring now, for readiness; empty when it does not.
   *
   * @return e.g. "RESOURCE_EXHAUSTED: ... (5 stream errors in the last PT5M, no message since)"
   */
  public Optional<String> problem() {
    Instant now = clock.instant();
    synchronized (this) {
      prune(now);
      long unanswered = unanswered(errors, lastReceived);
      if (unanswered < config.streamErrorThreshold()) {
        return Optional.empty();
      }
      return Optional.of(
          "%s keeps failing, last %s (%d stream errors within %s, no message received since)"
              .formatted(subscription, lastError.cause(), unanswered, config.streamErrorWindow()));
    }
  }

  private void prune(Instant now) {
    Instant start = now.minus(config.streamErrorWindow());
    while (!errors.isEmpty() && !errors.peekFirst().isAfter(start)) {
      errors.removeFirst();
    }
  }

  /**
   * The errors within the window that no received message answered: those after the last message
   * received, or all when none ever was. The subscription is erroring from the threshold on.
   */
  static long unanswered(Collection<Instant> errorsInWindow, Instant lastReceived) {
    return errorsInWindow.stream()
        .filter(at -> lastReceived == null || at.isAfter(lastReceived))
        .count();
  }

  /**
   * Whether a WARN line is due at {@code now}: none yet, or the last one at least an interval ago.
   */
  static boolean warnDue(Instant now, Instant lastWarn, Duration interval) {
    return lastWarn == null || !now.isBefore(lastWarn.plus(interval));
  }
}
