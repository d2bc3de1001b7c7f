package io.lagline.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.demo.ExpectedState;
import io.lagline.event.Attributes;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fault suite's workload: fitness devices syncing ({@code DeviceSynced}, versions 1..n per
 * device) with a few retired at their highest version ({@code DeviceRetired}); every distinct event
 * published one to three times, the whole list shuffled, and poison messages of every {@link
 * PoisonKind} mixed in at random positions on keys of real devices. Seeded, so a run repeats.
 *
 * @param distinct every distinct good event
 * @param poison every poison message, each published once
 * @param publishOrder what is published, in order
 */
record FaultWorkload(
    List<Event> distinct, List<OutboundMessage> poison, List<OutboundMessage> publishOrder) {
  /** Distinct good events of a scenario: the minimum the suite is specified with. */
  static final int EVENTS = 5_000;

  /** Devices of a scenario. */
  static final int DEVICES = 500;

  /** Share of devices retired by a final versioned delete. */
  static final double RETIRED_SHARE = 0.03;

  /** Poison messages, as a share of the distinct good events. */
  static final double POISON_SHARE = 0.01;

  /** Most times one event is published. */
  static final int MAX_COPIES = 3;

  private static final Instant START = Instant.parse("2026-11-23T06:00:00Z");

  /** The suite's standard workload. */
  static FaultWorkload standard(long seed) {
    return generate(EVENTS, DEVICES, POISON_SHARE, seed);
  }

  /**
   * Generates a workload.
   *
   * @param events distinct good events, at least {@code devices}
   * @param devices devices; each gets at least one sync
   * @param poisonShare poison messages as a share of {@code events}
   */
  static FaultWorkload generate(int events, int devices, double poisonShare, long seed) {
    int retired = (int) Math.round(devices * RETIRED_SHARE);
    if (devices < 1 || events < devices + retired) {
      throw new IllegalArgumentException(
          "need at least one device and one sync per device, was " + events + "/" + devices);
    }
    Random random = new Random(seed);
    int[] versions = new int[devices];
    List<Event> distinct = new ArrayList<>(events);
    for (int i = 0; distinct.size() < events - retired; i++) {
      int device = i < devices ? i : random.nextInt(devices);
      versions[device]++;
      distinct.add(synced(id(random), device, versions[device], START.plusSeconds(i), random));
    }
    List<Integer> byChance = IntStream.range(0, devices).boxed().collect(Collectors.toList());
    Collections.shuffle(byChance, random);
    for (int device : byChance.subList(0, retired)) {
      versions[device]++;
      distinct.add(retiredEvent(id(random), device, versions[device]));
    }
    List<OutboundMessage> order = new ArrayList<>();
    for (Event event : distinct) {
      OutboundMessage message = OutboundMessage.of(event);
      for (int copies = 1 + random.nextInt(MAX_COPIES); copies > 0; copies--) {
        order.add(message);
      }
    }
    Collections.shuffle(order, random);
    List<OutboundMessage> poison = new ArrayList<>();
    PoisonKind[] kinds = PoisonKind.values();
    for (int i = 0; i < Math.round(events * poisonShare); i++) {
      PoisonKind kind = kinds[i % kinds.length];
      int device = random.nextInt(devices);
      // above any version the device reaches: applied by mistake, it would show in the read-back
      Event base =
          synced(
              "poison-" + i + "-" + kind.reason(),
              device,
              versions[device] + 1L + i,
              START.minusSeconds(i + 1),
              random);
      OutboundMessage message = kind.from(base);
      poison.add(message);
      order.add(random.nextInt(order.size() + 1), message);
    }
    return new FaultWorkload(List.copyOf(distinct), List.copyOf(poison), List.copyOf(order));
  }

  /** Distinct good events plus poison messages: the table's "events" column. */
  int events() {
    return distinct.size() + poison.size();
  }

  /** Messages published: the table's "publishes" column. */
  int publishes() {
    return publishOrder.size();
  }

  /** What Cassandra must hold once every good event is applied. */
  ExpectedState expected() {
    return ExpectedState.of(distinct);
  }

  /** Event ids of the good events. */
  Set<String> goodIds() {
    return distinct.stream().map(Event::eventId).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Poison messages published before a good event of the same entity key: with ordering keys, those
   * a stalled key would hold back.
   */
  long poisonAheadOfGood() {
    Set<String> goodKeysLater = new HashSet<>();
    long ahead = 0;
    for (int i = publishOrder.size() - 1; i >= 0; i--) {
      OutboundMessage message = publishOrder.get(i);
      String key = message.attributes().get(Attributes.ENTITY_KEY);
      if (!message.poison()) {
        goodKeysLater.add(key);
      } else if (goodKeysLater.contains(key)) {
        ahead++;
      }
    }
    return ahead;
  }

  /** The entity key of a device, as the demo names them. */
  static String deviceKey(int device) {
    return "device-" + device;
  }

  private static String id(Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private static Event synced(String id, int device, long version, Instant at, Random random) {
    ObjectNode payload = EventCodec.json().createObjectNode();
    payload.put("steps", random.nextInt(30_000));
    payload.put("heart_rate", 50 + random.nextInt(120));
    payload.putObject("battery").put("level", Math.round(random.nextDouble() * 1000) / 10.0);
    return new Event(id, "DeviceSynced", 1, deviceKey(device), version, at, payload);
  }

  private static Event retiredEvent(String id, int device, long version) {
    ObjectNode payload = EventCodec.json().createObjectNode().put("reason", "replaced");
    return new Event(
        id, "DeviceRetired", 1, deviceKey(device), version, START.plusSeconds(86_400), payload);
  }
}
