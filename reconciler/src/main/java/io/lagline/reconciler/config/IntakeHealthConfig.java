package io.lagline.reconciler.config;

import java.time.Duration;

/**
 * When the streaming pull counts as broken or stalled: what turns {@code /health/ready} red and the
 * stream-error log lines to WARN. See the configuration reference in the README.
 *
 * @param streamErrorWindow how far back streaming-pull errors are counted
 * @param streamErrorThreshold errors within the window that are a repeated failure: logged at WARN,
 *     and not ready when no message was received since the first of them
 * @param stallTimeout not ready when messages are held and none was acked or nacked for this long
 */
public record IntakeHealthConfig(
    Duration streamErrorWindow, int streamErrorThreshold, Duration stallTimeout) {
  /** Default for {@code pubsub.stream-error-window}. */
  public static final Duration DEFAULT_STREAM_ERROR_WINDOW = Duration.ofMinutes(5);

  /**
   * Default for {@code pubsub.stream-error-threshold}: Pub/Sub closes a healthy stream now and then
   * (the client reconnects), so one error is normal and three in the window are not.
   */
  public static final int DEFAULT_STREAM_ERROR_THRESHOLD = 3;

  /**
   * Default for {@code pubsub.stall-timeout}: a write gives up its in-process retries within about
   * a minute, so two minutes without a single reply while messages are held is a stall.
   */
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(2);
}
