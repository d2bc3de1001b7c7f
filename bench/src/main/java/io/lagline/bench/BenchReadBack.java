package io.lagline.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.lagline.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@value BenchMapping#TABLE} back and compares every row with the newest event of its
 * entity: same version, same value, and no row without an event.
 *
 * @param rows rows read
 * @param mismatches differences found
 * @param examples the first few, one line each
 */
record BenchReadBack(long rows, long mismatches, List<String> examples) {
  private static final int EXAMPLES = 5;

  boolean exact() {
    return mismatches == 0;
  }

  static BenchReadBack check(CqlSession session, String keyspace, Map<String, Event> newest) {
    Map<String, Row> stored = new HashMap<>();
    SimpleStatement select =
        SimpleStatement.newInstance(
                "SELECT entity_id, entity_version, value FROM "
                    + keyspace
                    + "."
                    + BenchMapping.TABLE)
            .setPageSize(5000)
            .setTimeout(Duration.ofSeconds(60));
    for (Row row : session.execute(select)) {
      stored.put(row.getString("entity_id"), row);
    }
    List<String> examples = new ArrayList<>();
    long mismatches = 0;
    for (Event event : newest.values()) {
      String problem = compare(event, stored.get(event.entityKey()));
      if (problem != null) {
        mismatches++;
        if (examples.size() < EXAMPLES) {
          examples.add(event.entityKey() + ": " + problem);
        }
      }
    }
    for (String key : stored.keySet()) {
      if (!newest.containsKey(key)) {
        mismatches++;
        if (examples.size() < EXAMPLES) {
          examples.add(key + ": a row no event was published for");
        }
      }
    }
    return new BenchReadBack(stored.size(), mismatches, List.copyOf(examples));
  }

  private static String compare(Event event, Row row) {
    if (row == null) {
      return "no row, expected version " + event.entityVersion();
    }
    long version = row.getLong("entity_version");
    if (version != event.entityVersion()) {
      return "version " + version + ", expected " + event.entityVersion();
    }
    if (row.getLong("value") != event.payload().get("value").asLong()) {
      return "value differs from version " + version + "'s event";
    }
    return null;
  }
}
