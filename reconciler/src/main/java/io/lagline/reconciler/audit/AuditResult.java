package io.lagline.reconciler.audit;

import io.lagline.event.Event;
import java.util.List;

/**
 * The audit of one event: a finding per row it maps to.
 *
 * @param event the event checked
 * @param rows one finding per mapped row, in mapping order
 */
public record AuditResult(Event event, List<RowFinding> rows) {
  public AuditResult {
    rows = List.copyOf(rows);
  }

  /** True when some row does not reflect the event. */
  public boolean divergent() {
    return rows.stream().anyMatch(r -> !r.reflected());
  }

  /**
   * One line naming the event and what was found where it diverges, e.g. {@code event_id=e-1
   * type=DeviceSynced entity_key=watch-9 version=3: device_state[device_id=watch-9] found v2}.
   */
  public String describe() {
    StringBuilder line =
        new StringBuilder("event_id=")
            .append(event.eventId())
            .append(" type=")
            .append(event.eventType())
            .append(" entity_key=")
            .append(event.entityKey())
            .append(" version=")
            .append(event.entityVersion())
            .append(':');
    for (RowFinding row : rows) {
      if (!row.reflected()) {
        line.append(' ')
            .append(row.table())
            .append('[')
            .append(row.key())
            .append("] found ")
            .append(row.found().describe());
      }
    }
    return line.toString();
  }
}
