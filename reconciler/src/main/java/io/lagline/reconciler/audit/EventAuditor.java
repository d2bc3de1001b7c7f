package io.lagline.reconciler.audit;

import io.lagline.event.Event;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that Cassandra reflects one event: binds the rows the event maps to, reads each by its key
 * ({@link RowReader}) and judges it with {@link AuditCheck}. Counts every check in {@code
 * lagline_reconciler_audit_checked_total} / {@code _divergent_total} and logs each divergent event
 * at WARN with its id, key, tables and what was found. An event the mapping cannot bind is not
 * audited: it is the dead-letter path's business.
 */
public final class EventAuditor {
  private static final Logger LOG = LoggerFactory.getLogger(EventAuditor.class);

  private final Mapping mapping;
  private final RowReader reader;
  private final AuditMetrics metrics;

  /**
   * @param mapping the reconciler's mapping (heartbeat included)
   * @param reader reads stored rows
   * @param metrics counts checks and divergences
   */
  public EventAuditor(Mapping mapping, RowReader reader, AuditMetrics metrics) {
    this.mapping = mapping;
    this.reader = reader;
    this.metrics = metrics;
  }

  /**
   * Whether the event with {@code eventId} is in a sample of {@code rate} of all events. The choice
   * depends on the id alone, so every replica and every redelivery agrees.
   */
  public static boolean sampled(String eventId, double rate) {
    if (rate >= 1.0) {
      return true;
    }
    long hash = 1125899906842597L;
    for (byte b : eventId.getBytes(StandardCharsets.UTF_8)) {
      hash = 31 * hash + b;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return (hash >>> 11) * 0x1.0p-53 < rate;
  }

  /**
   * Checks the event against Cassandra.
   *
   * @return the result; empty when the event does not fit the mapping
   */
  public CompletionStage<Optional<AuditResult>> check(Event event, Map<String, String> attributes) {
    List<BoundRow> rows;
    try {
      rows = mapping.bind(event, attributes);
    } catch (MappingException e) {
      LOG.debug("event {} not audited: it does not fit the mapping", event.eventId());
      return CompletableFuture.completedFuture(Optional.empty());
    }
    List<CompletableFuture<RowFinding>> reads = new ArrayList<>();
    for (BoundRow row : rows) {
      reads.add(
          reader
              .read(row)
              .thenApply(
                  found ->
                      new RowFinding(
                          row.table(),
                          key(row),
                          found,
                          AuditCheck.reflected(row.write().mode(), event.entityVersion(), found)))
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              AuditResult result =
                  new AuditResult(event, reads.stream().map(CompletableFuture::join).toList());
              metrics.audited(!result.divergent());
              if (result.divergent()) {
                LOG.warn("divergent event {}", result.describe());
              }
              return Optional.of(result);
            });
  }

  private static String key(BoundRow row) {
    return row.write().primaryKey().stream()
        .map(k -> k + "=" + row.value(k))
        .collect(Collectors.joining(","));
  }
}
