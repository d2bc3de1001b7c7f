package io.lagline.faults;

import static org.awaitility.Awaitility.await;

import io.lagline.faults.DeadLetterReader.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What a scenario's dead-letter subscription held, judged against the workload: good events that
 * must not be there, and poison messages that must be, each with its expected reason.
 *
 * @param good dead-lettered messages whose event id is a good event
 * @param poisonWithReason distinct poison ids found with the expected reason
 * @param problems good ids found, poison missing or with another reason (a few of each)
 */
record DeadLetterCount(long good, long poisonWithReason, List<String> problems) {
  private static final int SHOWN = 10;

  /**
   * Drains the subscription until every poison message is found with its reason, or {@code timeout}
   * passes, and counts.
   */
  static DeadLetterCount collect(
      DeadLetterReader reader, FaultWorkload workload, Duration timeout) {
    Map<String, String> expected = new HashMap<>();
    workload.poison().forEach(p -> expected.put(p.eventId(), p.expectedReason()));
    try {
      await("every poison message on the dead-letter topic")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                reader.drain();
                return of(reader.read(), workload.goodIds(), expected).poisonWithReason()
                    == expected.size();
              });
    } catch (ConditionTimeoutException e) {
      reader.drain();
    }
    return of(reader.read(), workload.goodIds(), expected);
  }

  /** Counts {@code read} against the good ids and the expected reasons by poison id. */
  static DeadLetterCount of(
      List<DeadLetter> read, Set<String> goodIds, Map<String, String> expectedReasons) {
    Set<String> good = new HashSet<>();
    long goodMessages = 0;
    Set<String> right = new HashSet<>();
    Map<String, String> wrong = new HashMap<>();
    long anonymous = 0;
    for (DeadLetter letter : read) {
      if (letter.eventId() == null) {
        anonymous++;
      } else if (goodIds.contains(letter.eventId())) {
        goodMessages++;
        good.add(letter.eventId());
      } else if (expectedReasons.containsKey(letter.eventId())) {
        if (expectedReasons.get(letter.eventId()).equals(letter.reason())) {
          right.add(letter.eventId());
        } else {
          wrong.put(letter.eventId(), letter.reason());
        }
      }
    }
    List<String> problems = new ArrayList<>();
    good.stream().limit(SHOWN).forEach(id -> problems.add("good event dead-lettered: " + id));
    wrong.entrySet().stream()
        .filter(e -> !right.contains(e.getKey()))
        .limit(SHOWN)
        .forEach(
            e ->
                problems.add(
                    "poison "
                        + e.getKey()
                        + " dead-lettered as "
                        + e.getValue()
                        + ", expected "
                        + expectedReasons.get(e.getKey())));
    expectedReasons.keySet().stream()
        .filter(id -> !right.contains(id) && !wrong.containsKey(id))
        .sorted()
        .limit(SHOWN)
        .forEach(id -> problems.add("poison not dead-lettered: " + id));
    if (anonymous > 0) {
      problems.add(anonymous + " dead-lettered message(s) without an event_id");
    }
    return new DeadLetterCount(goodMessages, right.size(), problems);
  }
}
