package io.lagline.faults;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A copy of a scenario keyspace's tables, as a backup holds them: every row as JSON, the heartbeat
 * table copied first (a backup's watermark must not be newer than its data). Restoring truncates
 * each table and writes the copy back: the rows written since are gone.
 */
final class Backup {
  static final List<String> TABLES = List.of("lagline_heartbeats", "device_state", "sync_history");

  private final String keyspace;
  private final Map<String, List<String>> rows;

  private Backup(String keyspace, Map<String, List<String>> rows) {
    this.keyspace = keyspace;
    this.rows = rows;
  }

  static Backup take(CqlSession session, String keyspace) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String table : TABLES) {
      rows.put(table, json(session, keyspace, table));
    }
    return new Backup(keyspace, rows);
  }

  void restore(CqlSession session) {
    rows.forEach(
        (table, json) -> {
          session.execute(
              SimpleStatement.newInstance("TRUNCATE " + keyspace + "." + table)
                  .setTimeout(Duration.ofMinutes(1)));
          List<CompletableFuture<?>> writes = new ArrayList<>();
          for (String row : json) {
            writes.add(
                session
                    .executeAsync(
                        SimpleStatement.newInstance(
                            "INSERT INTO " + keyspace + "." + table + " JSON ?", row))
                    .toCompletableFuture());
            if (writes.size() == 256) {
              CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
              writes.clear();
            }
          }
          CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        });
  }

  /** Every row of a table as JSON, sorted. */
  static List<String> json(CqlSession session, String keyspace, String table) {
    List<String> json = new ArrayList<>();
    for (Row row :
        session.execute(
            SimpleStatement.newInstance("SELECT JSON * FROM " + keyspace + "." + table)
                .setTimeout(Duration.ofSeconds(30)))) {
      json.add(row.getString(0));
    }
    json.sort(null);
    return json;
  }

  /** Waits until the scenario's history rows stop changing for 3 s: the backlog is applied. */
  static void awaitQuiet(Scenario scenario) {
    long[] last = {-1};
    long[] since = {System.nanoTime()};
    await(scenario.id() + " quiet")
        .atMost(Scenario.CONVERGE_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              long rows = scenario.historyRows();
              if (rows != last[0]) {
                last[0] = rows;
                since[0] = System.nanoTime();
              }
              return rows > 0 && System.nanoTime() - since[0] >= Duration.ofSeconds(3).toNanos();
            });
  }
}
