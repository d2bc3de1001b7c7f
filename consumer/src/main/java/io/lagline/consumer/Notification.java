package io.lagline.consumer;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of the reconciled stream (docs/CONTRACT.md, "The reconciled stream"): the reconciler
 * published it after Cassandra confirmed every write of the event, so a read on receipt finds the
 * entity at {@link #reconciledVersion()} or newer.
 *
 * @param eventId the event's {@code event_id}; a redelivered notification carries the same one
 * @param eventType the event's {@code event_type}
 * @param entityKey the event's {@code entity_key}
 * @param entityVersion the event's own {@code entity_version}
 * @param outcome what the event's primary write did ({@code reconciled_outcome})
 * @param reconciledVersion the version the primary row holds ({@code reconciled_version}): {@code
 *     entityVersion} for applied and duplicate, a newer one for stale and superseded
 * @param tables the tables the event wrote, in mapping order ({@code reconciled_tables})
 * @param rowOutcomes each table's outcome, in mapping order ({@code reconciled_row_outcomes})
 * @param reconciledAt when Cassandra confirmed the event's last write ({@code reconciled_at})
 * @param originalMessageId the Pub/Sub message id of the event message
 * @param originalPublishTime the Pub/Sub publish time of the event message
 * @param payloadState whether {@code data} is the event's payload ({@code reconciled_payload})
 * @param data the event's payload (a JSON object) when {@code payloadState} is {@link
 *     PayloadState#INCLUDED}, else empty
 * @param attributes every attribute of the notification: the event's (envelope and extra ones) and
 *     the {@code reconciled_*} ones
 */
public record Notification(
    String eventId,
    String eventType,
    String entityKey,
    long entityVersion,
    Outcome outcome,
    long reconciledVersion,
    List<String> tables,
    Map<String, String> rowOutcomes,
    Instant reconciledAt,
    String originalMessageId,
    Instant originalPublishTime,
    PayloadState payloadState,
    ByteString data,
    Map<String, String> attributes) {

  public Notification {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(entityKey, "entityKey");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reconciledAt, "reconciledAt");
    Objects.requireNonNull(originalMessageId, "originalMessageId");
    Objects.requireNonNull(originalPublishTime, "originalPublishTime");
    Objects.requireNonNull(payloadState, "payloadState");
    Objects.requireNonNull(data, "data");
    tables = List.copyOf(tables);
    rowOutcomes = Collections.unmodifiableMap(new LinkedHashMap<>(rowOutcomes));
    attributes = Map.copyOf(attributes);
  }

  /**
   * Reads a notification from its Pub/Sub message, checking every rule of the contract.
   *
   * @throws InvalidNotificationException naming every missing or invalid attribute at once
   */
  public static Notification parse(PubsubMessage message) {
    return NotificationParser.parse(message);
  }

  /** The event's payload, when the notification carries it. */
  public Optional<ByteString> payload() {
    return payloadState == PayloadState.INCLUDED ? Optional.of(data) : Optional.empty();
  }

  /**
   * True on the notification of an event settled by {@code reconciler rebuild} ({@code
   * reconciled_replay=true}): the event was notified when it was first settled.
   */
  public boolean replay() {
    return "true".equals(attributes.get(io.lagline.event.Reconciled.REPLAY));
  }

  /** True when the database shows a newer version than the event's own (stale, superseded). */
  public boolean overtaken() {
    return reconciledVersion > entityVersion;
  }
}
