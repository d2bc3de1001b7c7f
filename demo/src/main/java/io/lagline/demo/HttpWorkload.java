package io.lagline.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.demo.ingest.IngestRequest;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The workload as requests to the ingest service ({@code --ingest http}): each message of the
 * publish order as one valid request with an {@code Idempotency-Key} of its own (a duplicate is
 * sent as a caller sends it again after losing the reply: same {@code event_id}, new key, so it is
 * published twice as in library mode and the reconciler discards it), and, at random places among
 * them, bad requests the service must refuse with {@code 400}, one of each {@link Breakage} in
 * turn. A bad request names a real device at a version far above any of the workload's, so one that
 * got through would stand out in the read-back.
 *
 * @param requests what is sent, in order
 * @param bad the bad requests among them
 */
record HttpWorkload(List<IngestRequest> requests, List<IngestRequest> bad) {
  /** Bad requests per message of the workload (at least one of each breakage). */
  static final double BAD_SHARE = 0.01;

  /** Added to a bad request's version, above any version the workload publishes. */
  static final long BAD_VERSION_OFFSET = 1_000_000;

  /** How a bad request breaks the contract: its envelope, its payload's schema, or JSON itself. */
  enum Breakage {
    ZERO_VERSION(c -> c.put("entity_version", 0)),
    NO_VERSION(c -> c.remove("entity_version")),
    MISSPELT_FIELD(c -> c.set("entityVersion", c.remove("entity_version"))),
    NEGATIVE_STEPS(c -> payload(c).put("steps", -1)),
    TEXT_HEART_RATE(c -> payload(c).put("heart_rate", "fast")),
    NO_HEART_RATE(c -> payload(c).remove("heart_rate")),
    UNKNOWN_RETIREMENT_REASON(
        c -> {
          c.put("event_type", FitnessWorkload.RETIRED);
          c.putObject("payload").put("reason", "stolen");
        }),
    NOT_JSON(c -> {});

    private final Consumer<ObjectNode> change;

    Breakage(Consumer<ObjectNode> change) {
      this.change = change;
    }

    /** The body of a valid command broken this way. */
    String body(ObjectNode command) {
      change.accept(command);
      String json = command.toString();
      return this == NOT_JSON ? json.substring(0, json.length() / 2) : json;
    }
  }

  /** The requests of {@code workload}; {@code seed} places and bases the bad ones. */
  static HttpWorkload of(FitnessWorkload workload, long seed) {
    Random random = new Random(seed);
    List<Event> order = workload.publishOrder();
    int badCount = badCount(order.size());
    List<IngestRequest> bad = new ArrayList<>(badCount);
    for (int i = 0; i < badCount; i++) {
      Event base = order.get(random.nextInt(order.size()));
      bad.add(bad(Breakage.values()[i % Breakage.values().length], base));
    }
    List<IngestRequest> requests = new ArrayList<>(order.size() + badCount);
    for (Event event : order) {
      requests.add(
          new IngestRequest(
              UUID.randomUUID().toString(), EventCodec.toCommand(event).toString(), true));
    }
    for (IngestRequest request : bad) {
      requests.add(random.nextInt(requests.size() + 1), request);
    }
    return new HttpWorkload(List.copyOf(requests), List.copyOf(bad));
  }

  /** Bad requests among {@code messages}: {@link #BAD_SHARE} of them, one of each kind at least. */
  static int badCount(int messages) {
    return (int) Math.max(Breakage.values().length, Math.round(messages * BAD_SHARE));
  }

  /** The valid requests, each of which must be accepted. */
  long valid() {
    return requests.size() - bad.size();
  }

  private static IngestRequest bad(Breakage breakage, Event base) {
    String eventId = UUID.randomUUID().toString();
    ObjectNode command = EventCodec.toCommand(base);
    command.put("event_id", eventId);
    command.put("entity_version", base.entityVersion() + BAD_VERSION_OFFSET);
    return new IngestRequest(eventId, breakage.body(command), false);
  }

  private static ObjectNode payload(ObjectNode command) {
    return (ObjectNode) command.get("payload");
  }
}
