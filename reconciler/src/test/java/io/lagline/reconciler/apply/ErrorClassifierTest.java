package io.lagline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
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
import io.lagline.event.InvalidEventException;
import io.lagline.event.Violation;
import io.lagline.reconciler.mapping.MappingException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorClassifierTest {
  static Stream<Arguments> table() {
    return Stream.of(
        row(
            new InvalidEventException(List.of(new Violation("event_id", "is required"))),
            ErrorClass.PERMANENT),
        row(
            new MappingException("missing_field", "payload.steps", "is required"),
            ErrorClass.PERMANENT),
        row(new SyntaxError(null, "bad"), ErrorClass.PERMANENT),
        row(new UnversionedRowException("device_state", "entity_version"), ErrorClass.PERMANENT),
        row(
            new InvalidQueryException(null, "Invalid value for column steps"),
            ErrorClass.PERMANENT),
        row(
            new CASWriteUnknownException(null, DefaultConsistencyLevel.LOCAL_SERIAL, 0, 2),
            ErrorClass.AMBIGUOUS),
        row(
            new WriteTimeoutException(
                null, DefaultConsistencyLevel.LOCAL_SERIAL, 0, 2, DefaultWriteType.CAS),
            ErrorClass.AMBIGUOUS),
        row(
            new WriteTimeoutException(
                null, DefaultConsistencyLevel.LOCAL_QUORUM, 1, 2, DefaultWriteType.SIMPLE),
            ErrorClass.AMBIGUOUS),
        row(new DriverTimeoutException("Query timed out after PT10S"), ErrorClass.AMBIGUOUS),
        row(
            new ReadTimeoutException(null, DefaultConsistencyLevel.LOCAL_SERIAL, 0, 2, false),
            ErrorClass.TRANSIENT),
        row(
            new UnavailableException(null, DefaultConsistencyLevel.LOCAL_QUORUM, 2, 1),
            ErrorClass.TRANSIENT),
        row(new OverloadedException(null), ErrorClass.TRANSIENT),
        row(new ServerError(null, "boom"), ErrorClass.TRANSIENT),
        row(new NoNodeAvailableException(), ErrorClass.TRANSIENT),
        row(new RequestThrottlingException("queue full"), ErrorClass.TRANSIENT),
        row(new ClosedConnectionException("lost"), ErrorClass.TRANSIENT),
        row(
            new AuthenticationException(
                new DefaultEndPoint(new InetSocketAddress(9042)), "bad credentials"),
            ErrorClass.TRANSIENT),
        row(new UnauthorizedException(null, "no MODIFY permission"), ErrorClass.TRANSIENT),
        row(
            new InvalidQueryException(null, "unconfigured table device_state"),
            ErrorClass.TRANSIENT),
        row(
            ApiExceptionFactory.createException(
                new RuntimeException(), GrpcStatusCode.of(Status.Code.UNAVAILABLE), true),
            ErrorClass.TRANSIENT),
        row(
            ApiExceptionFactory.createException(
                new RuntimeException(), GrpcStatusCode.of(Status.Code.INVALID_ARGUMENT), false),
            ErrorClass.PERMANENT),
        row(new IllegalStateException("a bug"), ErrorClass.TRANSIENT),
        row(new CompletionException(new OverloadedException(null)), ErrorClass.TRANSIENT),
        row(
            new ExecutionException(
                new CompletionException(
                    new CASWriteUnknownException(null, DefaultConsistencyLevel.SERIAL, 0, 1))),
            ErrorClass.AMBIGUOUS));
  }

  private static Arguments row(Throwable error, ErrorClass expected) {
    return Arguments.of(
        error.getClass().getSimpleName() + ": " + error.getMessage(), error, expected);
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("table")
  void classifies(String name, Throwable error, ErrorClass expected) {
    assertThat(ErrorClassifier.classify(error)).isEqualTo(expected);
  }
}
