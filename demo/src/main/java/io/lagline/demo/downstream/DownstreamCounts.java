package io.lagline.demo.downstream;

/**
 * What one downstream consumer saw: every message it received (heartbeats left out) is one read of
 * the event's row, at {@code LOCAL_QUORUM}, before the message is acked.
 *
 * @param reads rows read, one per received message (duplicates and redeliveries included)
 * @param behind reads that found the row missing or at a version older than the event's: the
 *     consumer heard of the event before Cassandra showed it
 */
public record DownstreamCounts(long reads, long behind) {
  /** No reads. */
  public static final DownstreamCounts NONE = new DownstreamCounts(0, 0);
}
