package io.lagline.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.pubsub.v1.PubsubMessage;
import io.lagline.event.Attributes;
import io.lagline.event.Reconciled;
import io.lagline.event.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationTest {
  /** Every attribute {@link Notification#parse} requires, in the order it reports them. */
  private static final List<String> REQUIRED =
      List.of(
          Attributes.EVENT_ID,
          Attributes.EVENT_TYPE,
          Attributes.ENTITY_KEY,
          Attributes.ENTITY_VERSION,
          Reconciled.OUTCOME,
          Reconciled.VERSION,
          Reconciled.TABLES,
          Reconciled.ROW_OUTCOMES,
          Reconciled.AT,
          Reconciled.ORIGINAL_MESSAGE_ID,
          Reconciled.ORIGINAL_PUBLISH_TIME,
          Reconciled.PAYLOAD);

  @Test
  void a_rebuilds_notification_says_it_is_a_replay() {
    PubsubMessage message =
        TestNotifications.message("e-1", "device-42", 17).toBuilder()
            .putAttributes(Reconciled.REPLAY, "true")
            .build();

    assertThat(Notification.parse(message).replay()).isTrue();
  }

  @Test
  void a_valid_notification_is_read_field_by_field() {
    PubsubMessage message = TestNotifications.message("e-1", "device-42", 17);

    Notification n = Notification.parse(message);

    assertThat(n.eventId()).isEqualTo("e-1");
    assertThat(n.eventType()).isEqualTo("DeviceSynced");
    assertThat(n.entityKey()).isEqualTo("device-42");
    assertThat(n.entityVersion()).isEqualTo(17);
    assertThat(n.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(n.reconciledVersion()).isEqualTo(17);
    assertThat(n.overtaken()).isFalse();
    assertThat(n.replay()).isFalse();
    assertThat(n.tables()).containsExactly("device_state", "sync_history");
    assertThat(n.rowOutcomes())
        .containsExactly(
            Map.entry("device_state", "applied"), Map.entry("sync_history", "applied"));
    assertThat(n.reconciledAt()).isEqualTo(Instant.parse("2026-12-05T12:00:01.250Z"));
    assertThat(n.originalMessageId()).isEqualTo("4711");
    assertThat(n.originalPublishTime()).isEqualTo(Instant.parse("2026-12-05T12:00:00.125Z"));
    assertThat(n.payloadState()).isEqualTo(PayloadState.INCLUDED);
    assertThat(n.payload())
        .hasValueSatisfying(p -> assertThat(p.toStringUtf8()).isEqualTo(TestNotifications.PAYLOAD));
    assertThat(n.attributes())
        .isEqualTo(message.getAttributesMap())
        .containsEntry("tenant", "acme");
  }

  @Test
  void a_stale_notification_says_the_database_shows_a_newer_version() {
    Notification n = TestNotifications.stale("e-2", "device-42", 17, 19);

    assertThat(n.outcome()).isEqualTo(Outcome.STALE);
    assertThat(n.reconciledVersion()).isEqualTo(19);
    assertThat(n.overtaken()).isTrue();
    assertThat(n.rowOutcomes()).containsEntry("device_state", "stale");
  }

  @Test
  void without_its_payload_a_notification_has_empty_data() {
    Map<String, String> attributes = TestNotifications.attributes("e-3", "device-42", 17);
    attributes.put(Reconciled.PAYLOAD, Reconciled.PAYLOAD_OMITTED);

    Notification n = Notification.parse(TestNotifications.message(attributes, ""));

    assertThat(n.payloadState()).isEqualTo(PayloadState.OMITTED);
    assertThat(n.payload()).isEmpty();
    assertThat(n.data().isEmpty()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("required")
  void each_missing_attribute_is_named(String name) {
    Map<String, String> attributes = TestNotifications.attributes("e-4", "device-42", 17);
    attributes.remove(name);

    assertThat(violations(attributes, TestNotifications.PAYLOAD))
        .containsExactly(new Violation(name, "is required"));
  }

  static Stream<String> required() {
    return REQUIRED.stream();
  }

  @Test
  void every_missing_attribute_is_named_at_once_with_the_message_id() {
    PubsubMessage empty = PubsubMessage.newBuilder().setMessageId("99").build();

    InvalidNotificationException e =
        catchThrowableOfType(InvalidNotificationException.class, () -> Notification.parse(empty));

    assertThat(e.messageId()).isEqualTo("99");
    assertThat(e.violations()).extracting(Violation::field).containsExactlyElementsOf(REQUIRED);
    assertThat(e.getMessage())
        .startsWith("invalid notification (message 99): event_id: is required; ")
        .contains("reconciled_version: is required", "reconciled_payload: is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-3", "+5", "0", "1e3", "9223372036854775808", " 7", "seven"})
  void bad_versions_are_named_with_their_value(String bad) {
    Map<String, String> attributes = TestNotifications.attributes("e-5", "device-42", 17);
    attributes.put(Attributes.ENTITY_VERSION, bad);
    attributes.put(Reconciled.VERSION, bad);

    assertThat(violations(attributes, TestNotifications.PAYLOAD))
        .containsExactly(
            new Violation(
                Attributes.ENTITY_VERSION,
                "must be a positive 64-bit integer in digits only, was '" + bad + "'"),
            new Violation(
                Reconciled.VERSION,
                "must be a positive 64-bit integer in digits only, was '" + bad + "'"));
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            Reconciled.OUTCOME,
            "failed",
            "must be one of [applied, duplicate, stale, superseded], was 'failed'"),
        Arguments.of(
            Reconciled.TABLES,
            "device_state,,sync_history",
            "must be comma-separated table names without empty entries, was 'device_state,,sync_history'"),
        Arguments.of(
            Reconciled.ROW_OUTCOMES,
            "device_state=applied,sync_history",
            "must be comma-separated table=outcome pairs, one per table, each outcome one of [applied, duplicate, stale, superseded], was 'device_state=applied,sync_history'"),
        Arguments.of(
            Reconciled.ROW_OUTCOMES,
            "device_state=applied,device_state=stale",
            "must be comma-separated table=outcome pairs, one per table, each outcome one of [applied, duplicate, stale, superseded], was 'device_state=applied,device_state=stale'"),
        Arguments.of(
            Reconciled.ROW_OUTCOMES,
            "sync_history=applied,device_state=applied",
            "must name the tables of reconciled_tables in the same order [device_state, sync_history], was [sync_history, device_state]"),
        Arguments.of(
            Reconciled.AT,
            "2026-12-05 12:00:01",
            "must be an RFC 3339 time such as 2026-12-05T12:00:00Z, was '2026-12-05 12:00:01'"),
        Arguments.of(
            Reconciled.ORIGINAL_PUBLISH_TIME,
            "yesterday",
            "must be an RFC 3339 time such as 2026-12-05T12:00:00Z, was 'yesterday'"),
        Arguments.of(
            Reconciled.PAYLOAD,
            "partial",
            "must be one of [included, omitted, too_large], was 'partial'"),
        Arguments.of(Reconciled.VERSION, "16", "must be at least entity_version 17, was 16"));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void an_invalid_value_is_named_with_its_rule(String name, String value, String rule) {
    Map<String, String> attributes = TestNotifications.attributes("e-6", "device-42", 17);
    attributes.put(name, value);

    assertThat(violations(attributes, TestNotifications.PAYLOAD))
        .containsExactly(new Violation(name, rule));
  }

  @Test
  void data_must_match_the_payload_state() {
    Map<String, String> included = TestNotifications.attributes("e-7", "device-42", 17);
    Map<String, String> omitted = new java.util.HashMap<>(included);
    omitted.put(Reconciled.PAYLOAD, Reconciled.PAYLOAD_TOO_LARGE);

    assertThat(violations(included, ""))
        .containsExactly(
            new Violation("data", "must be the event's payload when payload is included"));
    assertThat(violations(omitted, "{}"))
        .containsExactly(
            new Violation("data", "must be empty when payload is too_large, was 2 bytes"));
  }

  @Test
  void an_offset_time_is_read_as_its_instant() {
    Map<String, String> attributes = TestNotifications.attributes("e-8", "device-42", 17);
    attributes.put(Reconciled.AT, "2026-12-05T13:00:01+01:00");

    Notification n = Notification.parse(TestNotifications.message(attributes, "{}"));

    assertThat(n.reconciledAt()).isEqualTo(Instant.parse("2026-12-05T12:00:01Z"));
  }

  private static List<Violation> violations(Map<String, String> attributes, String data) {
    InvalidNotificationException e =
        catchThrowableOfType(
            InvalidNotificationException.class,
            () -> Notification.parse(TestNotifications.message(attributes, data)));
    assertThat(e).as("parse must fail").isNotNull();
    return new ArrayList<>(e.violations());
  }
}
