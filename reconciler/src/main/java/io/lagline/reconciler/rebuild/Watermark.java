package io.lagline.reconciler.rebuild;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.lagline.error.LaglineException;
import io.lagline.reconciler.mapping.HeartbeatMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a restore's rebuild starts ({@code rebuild --since-watermark}): from the producers' last
 * heartbeats that the restored data itself holds in {@value HeartbeatMapping#TABLE}, minus a
 * margin.
 *
 * <p>The bound it relies on: a heartbeat in the restored table was durable when the backup was
 * taken, at time B, so B is after its {@code emitted_at} E. An event published before E minus the
 * margin M that was not yet settled at B would have been waiting longer than M by then. So as long
 * as no event waited longer than M to be settled around the backup (the reconcilers' consistency
 * lag, receive lag and oldest in-flight age all stayed under M), every event published before E − M
 * is in the backup, and replaying from E − M restores the rest. The producer clock that stamps
 * {@code emitted_at} is taken to be within M of Pub/Sub's. The oldest heartbeat among the producers
 * still alive (within {@code watermark.forget-after} of the newest, as the watermark gauges count
 * them) is used: the earliest, so the safest, of the candidates.
 *
 * <p>The table tells where the restored data had got to only until a reconciler writes a newer
 * heartbeat into it. So reconcilers stay stopped from the restore until the rebuild has read it (it
 * prints its start at once), and a heartbeat younger than three of its producer's intervals is
 * refused as a sign that they did not ({@link #freshest}).
 */
public final class Watermark {
  /** A heartbeat younger than this many of its producer's intervals is one written just now. */
  static final int FRESH_INTERVALS = 3;

  /**
   * One producer's row.
   *
   * @param emitted its last heartbeat's {@code emitted_at}
   * @param interval its heartbeat interval
   */
  public record Beat(Instant emitted, Duration interval) {}

  private Watermark() {}

  /**
   * The newest heartbeat written less than {@value #FRESH_INTERVALS} of its producer's intervals
   * before {@code now}: a reconciler is writing heartbeats, so the table no longer shows the
   * backup's watermark. Empty when none is that fresh.
   */
  public static Optional<Beat> freshest(List<Beat> beats, Instant now) {
    return beats.stream()
        .filter(b -> b.emitted().isAfter(now.minus(b.interval().multipliedBy(FRESH_INTERVALS))))
        .max(Comparator.comparing(Beat::emitted));
  }

  /**
   * The start of the replay: the oldest heartbeat of the live producers, minus {@code margin}.
   *
   * @param beats every producer's row
   * @param forgetAfter producers whose last heartbeat trails the newest one by more are left out
   * @return empty when there is no heartbeat
   */
  public static Optional<Instant> start(List<Beat> beats, Duration forgetAfter, Duration margin) {
    List<Instant> emitted = beats.stream().map(Beat::emitted).toList();
    Optional<Instant> newest = emitted.stream().max(Comparator.naturalOrder());
    return newest.map(
        n ->
            emitted.stream()
                .filter(e -> !e.isBefore(n.minus(forgetAfter)))
                .min(Comparator.naturalOrder())
                .orElseThrow()
                .minus(margin));
  }

  /** Reads every producer's last heartbeat in {@code keyspace}. */
  public static List<Beat> read(CqlSession session, String keyspace) {
    List<Beat> beats = new ArrayList<>();
    try {
      for (Row row :
          session.execute(
              SimpleStatement.newInstance(
                      "SELECT "
                          + HeartbeatMapping.EMITTED_AT
                          + ", "
                          + HeartbeatMapping.INTERVAL_MS
                          + " FROM "
                          + keyspace
                          + "."
                          + HeartbeatMapping.TABLE)
                  .setTimeout(Duration.ofSeconds(30)))) {
        Instant at = row.getInstant(0);
        if (at != null) {
          long millis = row.isNull(1) ? DEFAULT_INTERVAL.toMillis() : row.getLong(1);
          beats.add(new Beat(at, Duration.ofMillis(millis)));
        }
      }
    } catch (RuntimeException e) {
      throw new LaglineException(
          "cannot read the producers' heartbeats from "
              + keyspace
              + "."
              + HeartbeatMapping.TABLE
              + ": "
              + e.getMessage()
              + " (--since-watermark needs that table; give --since instead)",
          e);
    }
    return beats;
  }

  /** The interval assumed for a heartbeat that does not say: the producers' default. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
}
