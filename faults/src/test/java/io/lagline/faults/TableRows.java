package io.lagline.faults;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the rebuild scenarios read back from a keyspace's tables. */
final class TableRows {
  private TableRows() {}

  static long count(CqlSession session, String keyspace, String table) {
    return session
        .execute(
            SimpleStatement.newInstance("SELECT COUNT(*) FROM " + keyspace + "." + table)
                .setTimeout(Duration.ofSeconds(30)))
        .one()
        .getLong(0);
  }

  static List<String> rows(CqlSession session, String keyspace, String table) {
    List<String> rows = new ArrayList<>();
    for (Row row :
        session.execute(
            SimpleStatement.newInstance(
                    "SELECT device_id, event_id, steps FROM " + keyspace + "." + table)
                .setTimeout(Duration.ofSeconds(30)))) {
      rows.add(row.getString(0) + "/" + row.getString(1) + "/" + row.getObject(2));
    }
    rows.sort(null);
    return rows;
  }

  static Map<String, List<String>> contents(
      CqlSession session, String keyspace, List<String> tables) {
    Map<String, List<String>> all = new TreeMap<>();
    for (String table : tables) {
      all.put(table, Backup.json(session, keyspace, table));
    }
    return all;
  }

  /** How many of {@code expected} are missing from {@code actual} or extra in it. */
  static long difference(List<String> expected, List<String> actual, List<String> problems) {
    java.util.Set<String> missing = new java.util.TreeSet<>(expected);
    actual.forEach(missing::remove);
    java.util.Set<String> extra = new java.util.TreeSet<>(actual);
    expected.forEach(extra::remove);
    missing.stream().limit(10).forEach(m -> problems.add("device_steps lacks " + m));
    extra.stream().limit(10).forEach(e -> problems.add("device_steps has an extra " + e));
    return missing.size() + extra.size();
  }
}
