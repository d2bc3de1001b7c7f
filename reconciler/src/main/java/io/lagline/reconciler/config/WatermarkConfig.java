package io.lagline.reconciler.config;

import java.time.Duration;

/**
 * How the watermark lag (the newest durable heartbeat per producer) is tracked.
 *
 * @param maxProducers producers tracked at most; beyond, the one heard from longest ago is dropped
 * @param forgetAfter a producer whose watermark trails the newest one by more than this is
 *     forgotten (it stopped or restarted under a new id)
 */
public record WatermarkConfig(int maxProducers, Duration forgetAfter) {
  /** Default for {@code watermark.max-producers}. */
  public static final int DEFAULT_MAX_PRODUCERS = 100;

  /** Default for {@code watermark.forget-after}. */
  public static final Duration DEFAULT_FORGET_AFTER = Duration.ofMinutes(15);
}
