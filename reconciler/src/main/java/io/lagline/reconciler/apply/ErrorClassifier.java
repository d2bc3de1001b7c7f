package io.lagline.reconciler.apply;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import com.google.api.gax.rpc.ApiException;
import io.lagline.event.InvalidEventException;
import io.lagline.reconciler.mapping.MappingException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that decides whether a failure is retried, resolved, or permanent. Pure: it looks
 * only at the exception (and its causes), so it is tested by a table.
 */
public final class ErrorClassifier {
  private ErrorClassifier() {}

  /**
   * Classifies a failure; unknown failures are transient, so a bug never dead-letters a good event.
   */
  public static ErrorClass classify(Throwable failure) {
    Throwable error = unwrap(failure);
    if (error instanceof InvalidEventException
        || error instanceof MappingException
        || error instanceof UnversionedRowException) {
      return ErrorClass.PERMANENT;
    }
    if (error instanceof CASWriteUnknownException
        || error instanceof WriteTimeoutException
        || error instanceof DriverTimeoutException
        || error instanceof java.util.concurrent.TimeoutException) {
      // every write of ours is conditional: a timed-out one may have been accepted by Paxos
      return ErrorClass.AMBIGUOUS;
    }
    if (error instanceof ReadTimeoutException
        || error instanceof AllNodesFailedException
        || error instanceof RequestThrottlingException
        || error instanceof ClosedConnectionException
        || error instanceof HeartbeatException) {
      return ErrorClass.TRANSIENT;
    }
    if (error instanceof AuthenticationException || error instanceof UnauthorizedException) {
      // wrong credentials or grants hold for every event: infrastructure, not this event's fault
      return ErrorClass.TRANSIENT;
    }
    if (error instanceof InvalidQueryException && isMissingSchema(error.getMessage())) {
      // a dropped table or keyspace holds for every event too
      return ErrorClass.TRANSIENT;
    }
    if (error instanceof QueryValidationException || error instanceof CodecNotFoundException) {
      // the statement is wrong for this event's values; retrying cannot help
      return ErrorClass.PERMANENT;
    }
    if (error instanceof ApiException api) {
      return api.isRetryable() ? ErrorClass.TRANSIENT : ErrorClass.PERMANENT;
    }
    return ErrorClass.TRANSIENT;
  }

  private static boolean isMissingSchema(String message) {
    String text = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
    return text.contains("unconfigured table")
        || text.contains("keyspace") && text.contains("does not exist");
  }

  /** The first cause that is not a future's wrapper. */
  public static Throwable unwrap(Throwable failure) {
    Throwable error = failure;
    while ((error instanceof CompletionException || error instanceof ExecutionException)
        && error.getCause() != null) {
      error = error.getCause();
    }
    return error;
  }
}
