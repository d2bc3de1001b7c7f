package io.lagline.demo.downstream;

import io.lagline.demo.FitnessWorkload;

/**
 * What a downstream read found in {@code device_state} for one device.
 *
 * @param version the row's {@code entity_version}; null when there is no row (or no version)
 * @param deleted the row's {@code deleted} flag, set by a {@code DeviceRetired} delete
 */
record DeviceRow(Long version, boolean deleted) {
  /** No row for the device. */
  static final DeviceRow ABSENT = new DeviceRow(null, false);

  /**
   * True when the row does not yet show the event: it is missing, older than {@code eventVersion},
   * or, for a {@code DeviceRetired} delete, at its version but not marked deleted. A newer version
   * is not behind: the event was overtaken (stale or superseded), which Cassandra shows correctly.
   */
  boolean behind(String eventType, long eventVersion) {
    if (version == null || version < eventVersion) {
      return true;
    }
    return version == eventVersion && FitnessWorkload.RETIRED.equals(eventType) && !deleted;
  }
}
