package io.lagline.producer.publish;

import com.google.api.gax.batching.FlowController;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/**
 * Why a publish failed, with what to do about it. {@link #classify(Throwable)} is the one place
 * that maps the client's exceptions to a kind; the client has already retried whatever was worth
 * retrying.
 */
public enum PublishFailure {
  /** The topic does not exist. Fatal: every later publish to it fails the same way. */
  TOPIC_NOT_FOUND(true),
  /** The credentials may not publish to the topic. Fatal. */
  PERMISSION_DENIED(true),
  /** The credentials were rejected. Fatal. */
  UNAUTHENTICATED(true),
  /** Pub/Sub could not be reached, even after retries. */
  UNAVAILABLE(false),
  /** No confirmation within the publish timeout: the message may or may not have been published. */
  TIMED_OUT(false),
  /** A flow-control limit was reached with {@code limit-exceeded = fail}. */
  FLOW_CONTROL(false),
  /** Pub/Sub rejected the message itself, e.g. as too large. */
  INVALID_MESSAGE(false),
  /**
   * The publisher was closed before Pub/Sub confirmed the message: it may or may not have been
   * published.
   */
  SHUT_DOWN(false),
  /** Anything else. */
  OTHER(false);

  private final boolean fatal;

  PublishFailure(boolean fatal) {
    this.fatal = fatal;
  }

  /**
   * Whether every later publish to the same topic with the same credentials will fail the same way.
   */
  public boolean fatal() {
    return fatal;
  }

  /** The cause and the fix, in words an operator can act on. */
  public String hint(TopicPath topic) {
    return switch (this) {
      case TOPIC_NOT_FOUND ->
          "topic "
              + topic
              + " does not exist: create it (gcloud pubsub topics create "
              + topic.topic()
              + " --project="
              + topic.project()
              + ") or fix the topic name";
      case PERMISSION_DENIED ->
          "the credentials may not publish to "
              + topic
              + ": grant them roles/pubsub.publisher on the topic, or use other credentials";
      case UNAUTHENTICATED ->
          "the credentials were rejected: refresh them (gcloud auth application-default login)"
              + " or give a valid service-account key file";
      case UNAVAILABLE ->
          "Pub/Sub could not be reached, even after retrying for the publish timeout:"
              + " check the network, or that the emulator is running";
      case TIMED_OUT ->
          "no confirmation within the publish timeout (publisher.publish-timeout); the message may"
              + " or may not have been published: publish it again (the reconciler ignores duplicates)";
      case FLOW_CONTROL ->
          "too many publishes outstanding (publisher.flow-control.*) and limit-exceeded is fail:"
              + " slow down, raise the limits, or set limit-exceeded to block";
      case INVALID_MESSAGE -> "Pub/Sub rejected the message: check its size and attributes";
      case SHUT_DOWN ->
          "the publisher closed before Pub/Sub confirmed the message; it may or may not have been"
              + " published: publish it again (the reconciler ignores duplicates)";
      case OTHER -> "unexpected failure";
    };
  }

  /**
   * The kind of a publish failure, found anywhere in the cause chain; {@link #OTHER} if none is
   * known.
   */
  public static PublishFailure classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PublishFailedException published) {
        return published.failure();
      }
      if (t instanceof FlowController.FlowControlException) {
        return FLOW_CONTROL;
      }
      if (t instanceof ApiException api) {
        return fromStatus(api.getStatusCode().getCode());
      }
      if (t instanceof StatusRuntimeException grpc) {
        return fromStatus(GrpcStatusCode.of(grpc.getStatus().getCode()).getCode());
      }
      if (t instanceof StatusException grpc) {
        return fromStatus(GrpcStatusCode.of(grpc.getStatus().getCode()).getCode());
      }
    }
    return OTHER;
  }

  private static PublishFailure fromStatus(StatusCode.Code code) {
    if (code == null) {
      return OTHER;
    }
    return switch (code) {
      case NOT_FOUND -> TOPIC_NOT_FOUND;
      case PERMISSION_DENIED -> PERMISSION_DENIED;
      case UNAUTHENTICATED -> UNAUTHENTICATED;
      case UNAVAILABLE -> UNAVAILABLE;
      case DEADLINE_EXCEEDED -> TIMED_OUT;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> INVALID_MESSAGE;
      case CANCELLED -> SHUT_DOWN;
      default -> OTHER;
    };
  }
}
