package io.lagline.reconciler.apply;

import io.lagline.event.Event;
import io.lagline.reconciler.mapping.BoundRow;
import io.lagline.reconciler.mapping.WriteMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Coalesces superseded versions of one entity. Events of a key are written one after another
 * ({@link KeySequencer}); while one is being written, the next waits in a slot. When another
 * version of the same entity arrives while the slot waits, only the newest version is written and
 * every event in the slot is answered once that write is durable: the older ones as {@link
 * WriteOutcome#SUPERSEDED}, a redelivery of the written version as {@link WriteOutcome#DUPLICATE}.
 * That is exactly what writing them one by one would end in (each older upsert would be stale),
 * with one write instead of many: under hot keys this is what keeps throughput above the rate at
 * which one partition accepts Paxos rounds.
 *
 * <p>Only events whose every write is upsert-if-newer coalesce, and only with events of the same
 * type writing the same rows: an insert-if-absent fact must be written itself, and a delete is
 * never folded into an upsert. If the written version fails, the others fail too (transiently), so
 * they are redelivered and applied on their own.
 */
final class Coalescer {
  /** Writes the rows of one event; completes when every row has a confirmed outcome. */
  interface Writer {
    CompletionStage<EventResult> write(List<BoundRow> rows, Event event, long deadlineNanos);
  }

  private final KeySequencer sequencer;
  private final Writer writer;
  private final Map<String, Slot> waiting = new HashMap<>();

  Coalescer(KeySequencer sequencer, Writer writer) {
    this.sequencer = sequencer;
    this.writer = writer;
  }

  /** True when the event's rows may be folded into a newer version's: all upsert-if-newer. */
  static boolean coalescible(List<BoundRow> rows) {
    return !rows.isEmpty()
        && rows.stream().allMatch(r -> r.write().mode() == WriteMode.UPSERT_IF_NEWER);
  }

  /** Writes the event, or folds it into the waiting write of its entity. */
  CompletionStage<EventResult> submit(Event event, List<BoundRow> rows, long deadlineNanos) {
    Member member = new Member(event, rows, deadlineNanos, new CompletableFuture<>());
    Slot slot;
    synchronized (this) {
      Slot open = waiting.get(event.entityKey());
      if (open != null && open.accepts(member)) {
        open.members.add(member);
        return member.result;
      }
      slot = new Slot(event.entityKey(), member);
      if (open == null) {
        waiting.put(event.entityKey(), slot);
      }
    }
    sequencer.submit(event.entityKey(), () -> start(slot));
    return member.result;
  }

  /** Entity keys with a write waiting that more versions can still join. */
  synchronized int waitingKeys() {
    return waiting.size();
  }

  private CompletionStage<EventResult> start(Slot slot) {
    List<Member> members;
    synchronized (this) {
      waiting.remove(slot.key, slot);
      members = List.copyOf(slot.members);
    }
    Member newest = members.get(0);
    long deadline = newest.deadlineNanos;
    for (Member m : members) {
      if (m.event.entityVersion() > newest.event.entityVersion()) {
        newest = m;
      }
      deadline = Math.min(deadline, m.deadlineNanos); // no message waits past its own budget
    }
    Member written = newest;
    CompletionStage<EventResult> write;
    try {
      write = writer.write(written.rows, written.event, deadline);
    } catch (RuntimeException e) {
      write = CompletableFuture.failedFuture(e);
    }
    return write.whenComplete((result, error) -> answer(members, written, result, error));
  }

  private static void answer(
      List<Member> members, Member written, EventResult result, Throwable error) {
    for (Member m : members) {
      if (m == written) {
        complete(m.result, result, error);
      } else if (error != null) {
        m.result.completeExceptionally(new SupersedingWriteFailedException(error));
      } else {
        boolean same = m.event.entityVersion() == written.event.entityVersion();
        m.result.complete(
            result.answeredAs(same ? WriteOutcome.DUPLICATE : WriteOutcome.SUPERSEDED));
      }
    }
  }

  private static void complete(
      CompletableFuture<EventResult> target, EventResult result, Throwable error) {
    if (error != null) {
      target.completeExceptionally(error);
    } else {
      target.complete(result);
    }
  }

  private record Member(
      Event event,
      List<BoundRow> rows,
      long deadlineNanos,
      CompletableFuture<EventResult> result) {}

  /** A write waiting for its turn; members can join until it starts. */
  private static final class Slot {
    final String key;
    final List<Member> members = new ArrayList<>(2);

    Slot(String key, Member first) {
      this.key = key;
      members.add(first);
    }

    /** Same event type and the same rows (table and key values): one write covers both. */
    boolean accepts(Member other) {
      Member first = members.get(0);
      return first.event.eventType().equals(other.event.eventType())
          && rowKeys(first.rows).equals(rowKeys(other.rows));
    }

    private static List<Object> rowKeys(List<BoundRow> rows) {
      List<Object> keys = new ArrayList<>();
      for (BoundRow row : rows) {
        keys.add(row.table());
        row.write().primaryKey().forEach(column -> keys.add(row.value(column)));
      }
      return keys;
    }
  }
}
