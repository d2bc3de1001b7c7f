package io.lagline.demo.downstream;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.concurrent.CompletionStage;

/**
 * {@link DeviceRows} with one prepared {@code SELECT} of the demo mapping's versioned table ({@code
 * config/mapping.yaml}: {@code device_state}, its default version and deleted columns), read at
 * {@code LOCAL_QUORUM}, the level the reconciler's writes are confirmed at: what any downstream
 * reader of the local datacenter would see.
 */
final class CassandraDeviceRows implements DeviceRows {
  static final String TABLE = "device_state";

  private final CqlSession session;
  private final PreparedStatement select;

  private CassandraDeviceRows(CqlSession session, PreparedStatement select) {
    this.session = session;
    this.select = select;
  }

  /** Prepares the read of {@code keyspace.device_state}. */
  static CassandraDeviceRows prepare(CqlSession session, String keyspace) {
    PreparedStatement select =
        session.prepare(
            "SELECT entity_version, deleted FROM \"%s\".\"%s\" WHERE device_id = ?"
                .formatted(keyspace, TABLE));
    return new CassandraDeviceRows(session, select);
  }

  @Override
  public CompletionStage<DeviceRow> read(String deviceId) {
    return session
        .executeAsync(
            select.bind(deviceId).setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM))
        .thenApply(rs -> row(rs.one()));
  }

  private static DeviceRow row(Row found) {
    if (found == null) {
      return DeviceRow.ABSENT;
    }
    Long version = found.isNull(0) ? null : found.getLong(0);
    return new DeviceRow(version, !found.isNull(1) && found.getBoolean(1));
  }
}
