package io.lagline.reconciler.deadletter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pulls the dead-letter subscription until it is drained or enough messages were chosen, holding
 * every message it pulls (through the {@link LeaseKeeper}) so none is pulled twice in one run. It
 * neither acks nor releases: the caller decides, and the keeper releases what is left.
 */
public final class DeadLetterCollector {
  /** Messages asked for per pull. */
  public static final int PULL_BATCH = 100;

  private final DeadLetterSource source;
  private final LeaseKeeper lease;

  public DeadLetterCollector(DeadLetterSource source, LeaseKeeper lease) {
    this.source = source;
    this.lease = lease;
  }

  /**
   * What one collection found.
   *
   * @param chosen the messages the selection matched, at most its limit, in pull order
   * @param skippedAckIds ack ids of the other messages read (another reason, or over the limit)
   * @param readByReason how many distinct messages were read, per reason, sorted by reason (of
   *     those read only: with a limit reached more may be waiting)
   * @param limitReached whether collection stopped at the limit (more may be waiting)
   */
  public record Collected(
      List<DeadLetter> chosen,
      List<String> skippedAckIds,
      Map<String, Integer> readByReason,
      boolean limitReached) {
    public Collected {
      chosen = List.copyOf(chosen);
      skippedAckIds = List.copyOf(skippedAckIds);
      readByReason = Collections.unmodifiableMap(new TreeMap<>(readByReason));
    }

    /** Distinct messages read. */
    public int read() {
      return readByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Ack ids of every message read: chosen and skipped. */
    public List<String> allAckIds() {
      List<String> all = new ArrayList<>(skippedAckIds);
      chosen.forEach(letter -> all.add(letter.ackId()));
      return all;
    }
  }

  /**
   * Pulls until a pull returns nothing or {@code selection}'s limit of matches is reached, asking
   * each pull for no more than the matches still missing (at most {@link #PULL_BATCH}). So with a
   * limit, {@link Collected#readByReason()} covers only the messages read, not the subscription.
   */
  public Collected collect(DeadLetterSelection selection) {
    Map<String, DeadLetter> chosen = new LinkedHashMap<>();
    Map<String, String> skipped = new LinkedHashMap<>(); // message id -> ack id
    Map<String, Integer> byReason = new TreeMap<>();
    while (chosen.size() < selection.limit()) {
      // never more than the limit still needs: what is read beyond it is only held and released
      List<DeadLetter> batch = source.pull(Math.min(PULL_BATCH, selection.limit() - chosen.size()));
      if (batch.isEmpty()) {
        break;
      }
      lease.hold(batch.stream().map(DeadLetter::ackId).toList());
      for (DeadLetter letter : batch) {
        if (redelivered(letter, chosen, skipped)) {
          continue;
        }
        byReason.merge(letter.reason(), 1, Integer::sum);
        if (selection.matches(letter) && chosen.size() < selection.limit()) {
          chosen.put(letter.messageId(), letter);
        } else {
          skipped.put(letter.messageId(), letter.ackId());
        }
      }
    }
    return new Collected(
        new ArrayList<>(chosen.values()),
        new ArrayList<>(skipped.values()),
        byReason,
        chosen.size() >= selection.limit());
  }

  /**
   * A message already read came again (its lease lapsed): keep the new ack id, the old one is void.
   */
  private boolean redelivered(
      DeadLetter letter, Map<String, DeadLetter> chosen, Map<String, String> skipped) {
    DeadLetter earlier = chosen.get(letter.messageId());
    if (earlier != null) {
      lease.forget(earlier.ackId());
      chosen.put(letter.messageId(), letter);
      return true;
    }
    String earlierAckId = skipped.get(letter.messageId());
    if (earlierAckId != null) {
      lease.forget(earlierAckId);
      skipped.put(letter.messageId(), letter.ackId());
      return true;
    }
    return false;
  }
}
