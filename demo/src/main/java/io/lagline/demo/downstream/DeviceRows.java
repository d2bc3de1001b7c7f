package io.lagline.demo.downstream;

import java.util.concurrent.CompletionStage;

/** Reads a device's row from Cassandra: the downstream consumers' one I/O boundary there. */
interface DeviceRows {
  /** The device's row, or {@link DeviceRow#ABSENT}; fails when the read fails. */
  CompletionStage<DeviceRow> read(String deviceId);
}
