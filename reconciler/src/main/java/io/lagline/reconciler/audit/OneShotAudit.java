package io.lagline.reconciler.audit;

import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.ReceivedMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import io.lagline.event.Heartbeat;
import io.lagline.pubsub.PublishTime;
import io.lagline.reconciler.config.ReconcilerKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code reconciler audit --since}: seeks the audit subscription back to now minus the window,
 * pulls what was published since, checks each sampled event published before the grace period
 * began, acks what it checked and hands the rest back. The same check as the running auditor.
 */
public final class OneShotAudit {
  private static final int BATCH = 100;
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);

  /**
   * What one run found.
   *
   * @param from the start of the window
   * @param checked events checked
   * @param divergent the checked events Cassandra does not reflect
   * @param tooRecent events published within the grace period, not checked
   * @param limitReached whether the run stopped at {@code --limit}
   */
  public record Report(
      Instant from, int checked, List<AuditResult> divergent, int tooRecent, boolean limitReached) {
    public Report {
      divergent = List.copyOf(divergent);
    }

    /** The report as printed, one item per line. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("window:     since " + from);
      lines.add("checked:    " + checked + (limitReached ? " (stopped at --limit)" : ""));
      lines.add("reflected:  " + (checked - divergent.size()));
      lines.add("divergent:  " + divergent.size());
      lines.add(
          "too recent: "
              + tooRecent
              + " (within "
              + ReconcilerKey.AUDIT_GRACE_PERIOD.path()
              + "; not checked)");
      divergent.forEach(d -> lines.add("divergent " + d.describe()));
      return lines;
    }
  }

  private final EventAuditor auditor;
  private final Clock clock;

  /**
   * @param auditor checks one event
   */
  public OneShotAudit(EventAuditor auditor, Clock clock) {
    this.auditor = auditor;
    this.clock = clock;
  }

  /** An auditor whose meters go nowhere: the report is the output. */
  public static AuditMetrics unexportedMetrics() {
    return new AuditMetrics(new SimpleMeterRegistry());
  }

  /**
   * Runs the audit on {@code subscription}.
   *
   * @param since how far back to look
   * @param grace events younger than this are left alone
   * @param sampleRate share of events checked
   * @param limit events checked at most
   */
  public Report run(
      io.lagline.pubsub.PubSubConnection connection,
      String subscription,
      Duration since,
      Duration grace,
      double sampleRate,
      int limit)
      throws Exception {
    Instant now = clock.instant();
    Instant from = now.minus(since);
    Instant checkedBefore = now.minus(grace);
    int checked = 0;
    int tooRecent = 0;
    List<AuditResult> divergent = new ArrayList<>();
    try (AuditPull pull = AuditPull.open(connection, subscription)) {
      pull.seek(from);
      while (checked < limit) {
        List<ReceivedMessage> batch = pull.pull(BATCH);
        if (batch.isEmpty()) {
          break;
        }
        List<String> done = new ArrayList<>();
        List<String> release = new ArrayList<>();
        List<CompletableFuture<Optional<AuditResult>>> checks = new ArrayList<>();
        for (ReceivedMessage received : batch) {
          PubsubMessage message = received.getMessage();
          Instant published = PublishTime.of(message, now);
          if (published.isBefore(from)) {
            done.add(received.getAckId());
          } else if (published.isAfter(checkedBefore) || checked >= limit) {
            tooRecent += published.isAfter(checkedBefore) ? 1 : 0;
            release.add(received.getAckId());
          } else {
            Optional<Event> event = auditable(message, sampleRate);
            done.add(received.getAckId());
            if (event.isPresent()) {
              checked++;
              checks.add(
                  auditor.check(event.get(), message.getAttributesMap()).toCompletableFuture());
            }
          }
        }
        for (CompletableFuture<Optional<AuditResult>> check : checks) {
          check
              .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .filter(AuditResult::divergent)
              .ifPresent(divergent::add);
        }
        pull.acknowledge(done);
        pull.release(release);
      }
    }
    return new Report(from, checked, divergent, tooRecent, checked >= limit);
  }

  private static Optional<Event> auditable(PubsubMessage message, double sampleRate) {
    String eventId = message.getAttributesMap().get(Attributes.EVENT_ID);
    if (eventId == null
        || Heartbeat.is(message.getAttributesMap().get(Attributes.EVENT_TYPE))
        || !EventAuditor.sampled(eventId, sampleRate)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          EventCodec.decode(message.getAttributesMap(), message.getData().toByteArray()));
    } catch (RuntimeException invalid) {
      return Optional.empty();
    }
  }
}
