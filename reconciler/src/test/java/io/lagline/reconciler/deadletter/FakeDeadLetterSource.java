package io.lagline.reconciler.deadletter;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DeadLetterSource} answering pulls from a script of batches and recording every ack and
 * deadline change, for unit tests of the collector, the lease keeper and the replayer.
 */
final class FakeDeadLetterSource implements DeadLetterSource {
  private final Deque<List<DeadLetter>> batches = new ArrayDeque<>();
  final List<String> acked = Collections.synchronizedList(new ArrayList<>());
  final List<String> released = Collections.synchronizedList(new ArrayList<>());
  final Map<String, Integer> leases = Collections.synchronizedMap(new HashMap<>());
  int pulls;
  final List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
  RuntimeException failAcks;

  /** The next pull returns {@code letters}; once the script is used up, pulls return nothing. */
  FakeDeadLetterSource then(DeadLetter... letters) {
    batches.add(List.of(letters));
    return this;
  }

  static DeadLetter letter(String messageId, Map<String, String> attributes) {
    return letter(messageId, "ack-" + messageId, attributes);
  }

  static DeadLetter letter(String messageId, String ackId, Map<String, String> attributes) {
    return new DeadLetter(
        ackId,
        messageId,
        Instant.parse("2026-11-23T06:00:00Z"),
        attributes,
        ByteString.copyFromUtf8("{\"n\":" + messageId + "}"));
  }

  @Override
  public synchronized List<DeadLetter> pull(int maxMessages) {
    pulls++;
    asked.add(maxMessages);
    List<DeadLetter> next = batches.poll();
    return next == null ? List.of() : next;
  }

  @Override
  public void modifyAckDeadline(List<String> ackIds, Duration deadline) {
    if (deadline.isZero()) {
      released.addAll(ackIds);
    } else {
      ackIds.forEach(id -> leases.merge(id, 1, Integer::sum));
    }
  }

  @Override
  public void acknowledge(List<String> ackIds) {
    if (failAcks != null) {
      throw failAcks;
    }
    acked.addAll(ackIds);
  }

  @Override
  public String subscription() {
    return "projects/demo-project/subscriptions/dead-letters";
  }

  @Override
  public void close() {}
}
