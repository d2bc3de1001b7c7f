package io.lagline.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Seen this event id before?" over a window of the most recent {@code window} distinct ids. The
 * reconciled stream is at-least-once: a notification can come twice, with the same {@code
 * event_id}, after a reconciler crash or an expired ack deadline, and nearly always soon after the
 * first copy. This remembers the newest ids exactly (insertion order, the oldest forgotten first),
 * so a redelivery within the window is always caught; an older one is passed on again.
 *
 * <p>Why not a cache library: Caffeine's size bound (W-TinyLFU) keeps frequently read keys and
 * refuses new ones of equal frequency, so with one-time event ids it keeps only a fraction of the
 * most recent ones (README, "Libraries, and why"). Thread-safe; each call is one synchronized map
 * operation.
 */
public final class Deduplicator {
  /** Default window: 100,000 event ids (on the order of 15 MB of heap with UUID ids). */
  public static final int DEFAULT_WINDOW = 100_000;

  private final int window;
  private final Map<String, Boolean> seen;

  /** A window of the most recent {@code window} event ids (at least 1). */
  public Deduplicator(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1, was " + window);
    }
    this.window = window;
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > Deduplicator.this.window;
          }
        };
  }

  /** A window of {@link #DEFAULT_WINDOW} event ids. */
  public static Deduplicator withDefaultWindow() {
    return new Deduplicator(DEFAULT_WINDOW);
  }

  /**
   * Records {@code eventId} and says whether this is its first sighting within the window. A
   * repeated id does not move in the window: its first sighting counts.
   */
  public synchronized boolean firstSighting(String eventId) {
    return seen.putIfAbsent(eventId, Boolean.TRUE) == null;
  }

  /**
   * Forgets {@code eventId}, so its next copy counts as a first sighting: for a caller whose
   * handling failed and who wants the redelivery handled.
   */
  public synchronized void forget(String eventId) {
    seen.remove(eventId);
  }

  /** How many ids the window holds now (at most {@link #window()}). */
  public synchronized int size() {
    return seen.size();
  }

  /** The window's size. */
  public int window() {
    return window;
  }
}
