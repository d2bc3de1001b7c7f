package io.lagline.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lagline.event.Event;
import io.lagline.event.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The fitness-tracker workload: devices sync their step count and heart rate ({@code DeviceSynced},
 * one new version per sync) and a few are retired ({@code DeviceRetired}, a versioned delete). The
 * publish order is shuffled, so many versions arrive out of order, and a share of events is
 * published twice, as a retrying producer would.
 *
 * @param distinct every distinct event, in version order per device
 * @param publishOrder what is published: the distinct events shuffled, plus the duplicates
 */
public record FitnessWorkload(List<Event> distinct, List<Event> publishOrder) {
  /** The event type of a sync: a new version of the device's state and one history row. */
  public static final String SYNCED = "DeviceSynced";

  /** The event type of a retirement: a versioned delete of the device's state. */
  public static final String RETIRED = "DeviceRetired";

  /** Share of events published twice. */
  public static final double DUPLICATE_SHARE = 0.12;

  /** Share of devices retired by a final delete. */
  public static final double RETIRED_SHARE = 0.03;

  /**
   * Generates a workload of about {@code events} publishes over {@code devices} devices.
   *
   * @param seed makes the workload repeatable
   */
  public static FitnessWorkload generate(int events, int devices, long seed) {
    if (events < 1 || devices < 1) {
      throw new IllegalArgumentException("events and devices must be positive");
    }
    Random random = new Random(seed);
    int distinctCount = (int) Math.max(devices, Math.round(events / (1 + DUPLICATE_SHARE)));
    int[] versions = new int[devices];
    List<Event> distinct = new ArrayList<>(distinctCount);
    Instant start = Instant.parse("2026-11-23T06:00:00Z");
    for (int i = 0; i < distinctCount; i++) {
      int device = i < devices ? i : random.nextInt(devices);
      versions[device]++;
      distinct.add(synced(device, versions[device], start.plusSeconds(i), random));
    }
    int retired = retiredDevices(devices);
    for (int device = 0; device < retired && distinct.size() < events; device++) {
      versions[device]++;
      distinct.add(
          retiredEvent(device, versions[device], start.plusSeconds(distinctCount + device)));
    }
    List<Event> order = new ArrayList<>(distinct);
    int duplicates = Math.max(0, events - distinct.size());
    for (int i = 0; i < duplicates; i++) {
      order.add(distinct.get(random.nextInt(distinct.size())));
    }
    Collections.shuffle(order, random);
    return new FitnessWorkload(List.copyOf(distinct), List.copyOf(order));
  }

  /** Devices retired by the workload's deletes: {@code device-0} up to this one, excluded. */
  static int retiredDevices(int devices) {
    return (int) Math.round(devices * RETIRED_SHARE);
  }

  /** The entity key of a device. */
  public static String deviceKey(int device) {
    return "device-" + device;
  }

  /** A {@code DeviceSynced} event of {@code device} at {@code version}, with random readings. */
  static Event synced(int device, long version, Instant at, Random random) {
    ObjectNode payload = EventCodec.json().createObjectNode();
    payload.put("steps", random.nextInt(30_000));
    payload.put("heart_rate", 50 + random.nextInt(120));
    payload.putObject("battery").put("level", Math.round(random.nextDouble() * 1000) / 10.0);
    return new Event(
        UUID.randomUUID().toString(), SYNCED, 1, deviceKey(device), version, at, payload);
  }

  private static Event retiredEvent(int device, long version, Instant at) {
    ObjectNode payload = EventCodec.json().createObjectNode();
    payload.put("reason", "replaced");
    return new Event(
        UUID.randomUUID().toString(), RETIRED, 1, deviceKey(device), version, at, payload);
  }
}
