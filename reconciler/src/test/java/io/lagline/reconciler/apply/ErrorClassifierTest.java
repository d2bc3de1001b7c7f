package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.internal.core.metadata.DefaultEndPoint;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import io.grpc.Status;
import io.lagline.contract.SchemaViolationException;
import io.lagline.event.EventCodec;
import io.lagline.event.InvalidEventException;
import io.lagline.event.Violation;
import io.lagline.reconciler.mapping.MappingException;
import io.lagline.reconciler.outage.RetryBudgetExhaustedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorClassifierTest {
  private static final ErrorClass T = ErrorClass.TRANSIENT;
  private static final ErrorClass A = ErrorClass.AMBIGUOUS;
  private static final ErrorClass P = ErrorClass.PERMANENT;

  static Stream<Arguments> table() {
    return Stream.of(
        // the event itself: poison, dead-lettered with a reason naming what is wrong
        row(invalid(new Violation("entity_version", "is required")), P, "missing_attribute"),
        row(
            invalid(
                new Violation("entity_version", "must be a positive integer, was 'abc'"),
                new Violation("event_id", "is required")),
            P,
            "missing_attribute"),
        row(
            invalid(new Violation("entity_version", "must be a positive integer, was 'abc'")),
            P,
            "invalid_attribute"),
        row(invalid(new Violation("data", "must be valid UTF-8 JSON: x")), P, "invalid_payload"),
        row(
            new SchemaViolationException(
                "DeviceSynced",
                1,
                List.of(new Violation("/steps", "string found, integer expected"))),
            P,
            "schema_violation"),
        row(
            new SchemaViolationException(
                "DeviceLost",
                1,
                List.of(new Violation("event_type", "'DeviceLost' has no contract"))),
            P,
            "schema_violation"),
        row(decoded(Map.of("entity_version", "+5")), P, "invalid_attribute"),
        row(mapping(MappingException.MISSING_FIELD), P, "missing_field"),
        row(mapping(MappingException.INVALID_VALUE), P, "invalid_value"),
        row(mapping(MappingException.UNKNOWN_EVENT_TYPE), P, "unknown_event_type"),
        row(mapping(MappingException.UNSUPPORTED_SCHEMA_VERSION), P, "unsupported_schema_version"),
        row(new UnversionedRowException("device_state", "entity_version"), P, "unversioned_row"),
        row(
            new SupersedingWriteFailedException(
                new UnversionedRowException("device_state", "entity_version")),
            T,
            "superseding_write_failed"),
        row(new SyntaxError(null, "bad"), P, "rejected_by_cassandra"),
        row(
            new InvalidQueryException(null, "Invalid value for column steps"),
            P,
            "rejected_by_cassandra"),
        // the write may have happened: re-issued to learn its outcome
        row(
            new CASWriteUnknownException(null, DefaultConsistencyLevel.LOCAL_SERIAL, 0, 2),
            A,
            "cas_unknown"),
        row(
            new WriteTimeoutException(
                null, DefaultConsistencyLevel.LOCAL_SERIAL, 0, 2, DefaultWriteType.CAS),
            A,
            "write_timeout"),
        row(
            new WriteTimeoutException(
                null, DefaultConsistencyLevel.LOCAL_QUORUM, 1, 2, DefaultWriteType.SIMPLE),
            A,
            "write_timeout"),
        row(new DriverTimeoutException("Query timed out after PT10S"), A, "client_timeout"),
        row(new TimeoutException(), A, "client_timeout"),
        // infrastructure: retried, and counted towards an outage pause
        row(
            new ReadTimeoutException(null, DefaultConsistencyLevel.LOCAL_SERIAL, 0, 2, false),
            T,
            "read_timeout"),
        row(
            new UnavailableException(null, DefaultConsistencyLevel.LOCAL_QUORUM, 2, 1),
            T,
            "replicas_unavailable"),
        row(new OverloadedException(null), T, "overloaded"),
        row(new RequestThrottlingException("queue full"), T, "overloaded"),
        row(new ServerError(null, "boom"), T, "unexpected"),
        row(new NoNodeAvailableException(), T, "cassandra_unreachable"),
        // the request was on the wire: a coordinator may have carried it out
        row(new ClosedConnectionException("lost"), A, "connection_lost"),
        row(
            new HeartbeatException(
                new InetSocketAddress(9042), "no answer to a heartbeat", new IOException("reset")),
            A,
            "connection_lost"),
        row(
            new AuthenticationException(
                new DefaultEndPoint(new InetSocketAddress(9042)), "bad credentials"),
            T,
            "cassandra_auth"),
        row(new UnauthorizedException(null, "no MODIFY permission"), T, "cassandra_auth"),
        row(
            new InvalidQueryException(null, "unconfigured table device_state"),
            T,
            "schema_missing"),
        row(
            new InvalidQueryException(null, "Keyspace fitness does not exist"),
            T,
            "schema_missing"),
        // Pub/Sub (dead-letter publishing)
        row(api(Status.Code.UNAVAILABLE, true), T, "pubsub_unavailable"),
        row(api(Status.Code.DEADLINE_EXCEEDED, true), T, "pubsub_unavailable"),
        row(api(Status.Code.NOT_FOUND, false), T, "pubsub_setup"),
        row(api(Status.Code.PERMISSION_DENIED, false), T, "pubsub_setup"),
        row(api(Status.Code.INVALID_ARGUMENT, false), P, "pubsub_rejected"),
        row(new RetryBudgetExhaustedException("spent"), T, "retry_budget_spent"),
        // unknown failures are never poison
        row(new IllegalStateException("a bug"), T, "unexpected"),
        row(new CompletionException(new OverloadedException(null)), T, "overloaded"),
        row(
            new ExecutionException(
                new CompletionException(
                    new CASWriteUnknownException(null, DefaultConsistencyLevel.SERIAL, 0, 1))),
            A,
            "cas_unknown"));
  }

  private static InvalidEventException invalid(Violation... violations) {
    return new InvalidEventException(List.of(violations));
  }

  /** What decoding a valid DeviceSynced message with {@code changed} attributes throws. */
  private static Throwable decoded(Map<String, String> changed) {
    Map<String, String> attributes =
        new HashMap<>(
            Map.of(
                "event_id", "e-1",
                "event_type", "DeviceSynced",
                "schema_version", "1",
                "entity_key", "device-1",
                "entity_version", "1",
                "occurred_at", "2026-11-23T06:00:00Z"));
    attributes.putAll(changed);
    try {
      EventCodec.decode(attributes, "{}".getBytes(StandardCharsets.UTF_8));
    } catch (InvalidEventException e) {
      return e;
    }
    throw new AssertionError("decoded " + attributes);
  }

  private static MappingException mapping(String reason) {
    return new MappingException(reason, "payload.steps", "a detail");
  }

  private static Throwable api(Status.Code code, boolean retryable) {
    return ApiExceptionFactory.createException(
        new RuntimeException(), GrpcStatusCode.of(code), retryable);
  }

  private static Arguments row(Throwable error, ErrorClass expected, String reason) {
    return Arguments.of(
        error.getClass().getSimpleName() + ": " + error.getMessage(),
        error,
        new Classification(expected, reason));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("table")
  void classifies(String name, Throwable error, Classification expected) {
    assertThat(ErrorClassifier.classify(error)).isEqualTo(expected);
  }

  @Test
  void the_declared_verdicts_are_exactly_the_tables_so_every_metric_series_exists_at_start_up() {
    List<Classification> declared = new ArrayList<>(ErrorClassifier.EVENT_VERDICTS);
    declared.addAll(ErrorClassifier.PUBSUB_VERDICTS);

    assertThat(declared).doesNotHaveDuplicates();
    assertThat(declared)
        .containsExactlyInAnyOrderElementsOf(
            table().map(row -> (Classification) row.get()[2]).distinct().toList());
  }
}
