package io.lagline.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.lagline.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the demo's tables back and compares every row with the {@link ExpectedState}.
 *
 * @param deviceRows rows read from device_state
 * @param historyRows rows read from sync_history
 * @param mismatches one line per difference (at most {@value #MAX_REPORTED} kept)
 * @param mismatchCount all differences found
 */
public record ReadBack(
    long deviceRows, long historyRows, List<String> mismatches, long mismatchCount) {
  static final int MAX_REPORTED = 20;

  /** True when Cassandra holds exactly the expected state. */
  public boolean converged() {
    return mismatchCount == 0;
  }

  /** Reads both tables of {@code keyspace} and compares them with {@code expected}. */
  public static ReadBack check(CqlSession session, String keyspace, ExpectedState expected) {
    List<String> mismatches = new ArrayList<>();
    long[] count = {0};
    Map<String, Row> devices = new HashMap<>();
    for (Row row : session.execute(statement("SELECT * FROM " + keyspace + ".device_state"))) {
      devices.put(row.getString("device_id"), row);
    }
    expected
        .newest()
        .forEach((key, event) -> compareDevice(key, event, devices.get(key), mismatches, count));
    devices.keySet().stream()
        .filter(k -> !expected.newest().containsKey(k))
        .forEach(
            k -> report(mismatches, count, k + ": row exists but no event was published for it"));
    Map<String, Set<String>> history = new HashMap<>();
    long historyRows = 0;
    for (Row row :
        session.execute(
            statement("SELECT device_id, event_id FROM " + keyspace + ".sync_history"))) {
      history
          .computeIfAbsent(row.getString("device_id"), k -> new HashSet<>())
          .add(row.getString("event_id"));
      historyRows++;
    }
    if (!history.equals(expected.history())) {
      report(
          mismatches,
          count,
          "sync_history holds "
              + historyRows
              + " rows, expected "
              + expected.historyRows()
              + " distinct sync events");
    }
    return new ReadBack(devices.size(), historyRows, List.copyOf(mismatches), count[0]);
  }

  private static void compareDevice(
      String key, Event event, Row row, List<String> mismatches, long[] count) {
    if (row == null) {
      report(mismatches, count, key + ": no row, expected version " + event.entityVersion());
      return;
    }
    long version = row.getLong("entity_version");
    boolean deleted = !row.isNull("deleted") && row.getBoolean("deleted");
    if (version != event.entityVersion()) {
      report(
          mismatches, count, key + ": version " + version + ", expected " + event.entityVersion());
      return;
    }
    if (event.eventType().equals(FitnessWorkload.RETIRED)) {
      if (!deleted || !row.isNull("steps")) {
        report(mismatches, count, key + ": expected a deleted row at version " + version);
      }
      return;
    }
    boolean same =
        !deleted
            && Objects.equals(row.getInt("steps"), event.payload().get("steps").asInt())
            && Objects.equals(row.getInt("heart_rate"), event.payload().get("heart_rate").asInt())
            && Math.abs(
                    row.getDouble("battery")
                        - event.payload().get("battery").get("level").asDouble())
                < 1e-9
            && Objects.equals(row.getInstant("synced_at"), event.occurredAt());
    if (!same) {
      report(mismatches, count, key + ": values differ from version " + version + "'s event");
    }
  }

  private static void report(List<String> mismatches, long[] count, String line) {
    count[0]++;
    if (mismatches.size() < MAX_REPORTED) {
      mismatches.add(line);
    }
  }

  private static SimpleStatement statement(String cql) {
    return SimpleStatement.newInstance(cql)
        .setPageSize(5000)
        .setTimeout(java.time.Duration.ofSeconds(60));
  }
}
