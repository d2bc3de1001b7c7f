package io.lagline.reconciler.apply;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import com.google.api.gax.rpc.ApiException;
import io.lagline.contract.SchemaViolationException;
import io.lagline.event.Attributes;
import io.lagline.event.InvalidEventException;
import io.lagline.event.Violation;
import io.lagline.reconciler.mapping.MappingException;
import io.lagline.reconciler.outage.RetryBudgetExhaustedException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides whether a failure is retried (transient), resolved (ambiguous) or
 * dead-lettered (permanent), and names it with a stable reason code. Pure: it looks only at the
 * exception and its causes, so it is tested by a table. Anything it does not recognise is
 * transient, so a bug or an unforeseen outage never dead-letters a good event.
 */
public final class ErrorClassifier {
  /** A payload that breaks its JSON Schema (docs/CONTRACT.md, "Payload schemas"). */
  public static final String SCHEMA_VIOLATION_REASON = "schema_violation";

  /**
   * Every verdict {@link #classify} gives a failure to decode, map or write an event: the fixed
   * values of the failure, retry and dead-letter meters' tags, registered at zero at start-up. The
   * table-driven test checks this list and {@link #PUBSUB_VERDICTS} against its rows, both ways.
   */
  public static final List<Classification> EVENT_VERDICTS =
      List.of(
          permanent("missing_attribute"),
          permanent("invalid_attribute"),
          permanent("invalid_payload"),
          permanent(SCHEMA_VIOLATION_REASON),
          permanent(MappingException.UNKNOWN_EVENT_TYPE),
          permanent(MappingException.UNSUPPORTED_SCHEMA_VERSION),
          permanent(MappingException.MISSING_FIELD),
          permanent(MappingException.INVALID_VALUE),
          permanent("unversioned_row"),
          permanent("rejected_by_cassandra"),
          ambiguous("cas_unknown"),
          ambiguous("write_timeout"),
          ambiguous("client_timeout"),
          ambiguous("connection_lost"),
          transient_("retry_budget_spent"),
          transient_("superseding_write_failed"),
          transient_("read_timeout"),
          transient_("cassandra_unreachable"),
          transient_("replicas_unavailable"),
          transient_("overloaded"),
          transient_("cassandra_auth"),
          transient_("schema_missing"),
          transient_("unexpected"));

  /** Every verdict it gives a failed Pub/Sub request (publishing a dead letter or a repair). */
  public static final List<Classification> PUBSUB_VERDICTS =
      List.of(
          permanent("pubsub_rejected"),
          transient_("pubsub_setup"),
          transient_("pubsub_unavailable"));

  private ErrorClassifier() {}

  /** Classifies a failure. */
  public static Classification classify(Throwable failure) {
    Throwable error = unwrap(failure);
    if (error instanceof SchemaViolationException) {
      return permanent(SCHEMA_VIOLATION_REASON);
    }
    if (error instanceof InvalidEventException invalid) {
      return permanent(invalidEventReason(invalid));
    }
    if (error instanceof MappingException mapping) {
      return permanent(mapping.reason());
    }
    if (error instanceof RetryBudgetExhaustedException) {
      return transient_("retry_budget_spent");
    }
    if (error instanceof SupersedingWriteFailedException) {
      return transient_("superseding_write_failed");
    }
    if (error instanceof UnversionedRowException) {
      return permanent("unversioned_row");
    }
    // every write of ours is conditional: a timed-out one may have been accepted by Paxos
    if (error instanceof CASWriteUnknownException) {
      return ambiguous("cas_unknown");
    }
    if (error instanceof WriteTimeoutException) {
      return ambiguous("write_timeout");
    }
    if (error instanceof DriverTimeoutException || error instanceof TimeoutException) {
      return ambiguous("client_timeout");
    }
    if (error instanceof ReadTimeoutException) {
      return transient_("read_timeout");
    }
    if (error instanceof AllNodesFailedException) {
      return transient_("cassandra_unreachable");
    }
    if (error instanceof UnavailableException) {
      return transient_("replicas_unavailable");
    }
    if (error instanceof OverloadedException || error instanceof RequestThrottlingException) {
      return transient_("overloaded");
    }
    // the driver tries the next node itself when a request could not be sent; it reports a lost
    // connection only for a request already on the wire, which a coordinator may have carried out
    if (error instanceof ClosedConnectionException || error instanceof HeartbeatException) {
      return ambiguous("connection_lost");
    }
    // wrong credentials or grants hold for every event: infrastructure, not this event's fault
    if (error instanceof AuthenticationException || error instanceof UnauthorizedException) {
      return transient_("cassandra_auth");
    }
    // a dropped table or keyspace holds for every event too
    if (error instanceof InvalidQueryException && isMissingSchema(error.getMessage())) {
      return transient_("schema_missing");
    }
    // the statement is wrong for this event's values; retrying cannot help
    if (error instanceof QueryValidationException || error instanceof CodecNotFoundException) {
      return permanent("rejected_by_cassandra");
    }
    if (error instanceof ApiException api) {
      return pubsub(api);
    }
    return transient_("unexpected");
  }

  private static Classification pubsub(ApiException api) {
    return switch (api.getStatusCode().getCode()) {
      // the request itself is wrong (e.g. a message Pub/Sub will not take): retrying cannot help
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> permanent("pubsub_rejected");
      // a missing topic or a missing grant holds for every message: fix the setup, then retry
      case NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED -> transient_("pubsub_setup");
      default -> transient_("pubsub_unavailable");
    };
  }

  private static String invalidEventReason(InvalidEventException invalid) {
    boolean attributeWrong = false;
    for (Violation violation : invalid.violations()) {
      if (Attributes.ENVELOPE.contains(violation.field())) {
        if (violation.rule().startsWith("is required")) {
          return "missing_attribute";
        }
        attributeWrong = true;
      }
    }
    return attributeWrong ? "invalid_attribute" : "invalid_payload";
  }

  private static boolean isMissingSchema(String message) {
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return text.contains("unconfigured table")
        || text.contains("keyspace") && text.contains("does not exist");
  }

  private static Classification permanent(String reason) {
    return new Classification(ErrorClass.PERMANENT, reason);
  }

  private static Classification ambiguous(String reason) {
    return new Classification(ErrorClass.AMBIGUOUS, reason);
  }

  private static Classification transient_(String reason) {
    return new Classification(ErrorClass.TRANSIENT, reason);
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
