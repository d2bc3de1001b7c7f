package io.lagline.producer.publish;

import io.lagline.error.LaglineException;

/**
 * A publish that Pub/Sub did not confirm; completes the future returned by {@link
 * EventPublisher#publish}.
 */
public final class PublishFailedException extends LaglineException {
  private static final long serialVersionUID = 1L;

  private final String eventId;
  private final String entityKey;
  private final TopicPath topic;
  private final PublishFailure failure;

  public PublishFailedException(
      String eventId, String entityKey, TopicPath topic, PublishFailure failure, Throwable cause) {
    super(
        "publish of event "
            + eventId
            + " to "
            + topic
            + " failed ("
            + failure
            + "): "
            + failure.hint(topic)
            + (cause == null || cause.getMessage() == null ? "" : " [" + cause.getMessage() + "]"),
        cause);
    this.eventId = eventId;
    this.entityKey = entityKey;
    this.topic = topic;
    this.failure = failure;
  }

  /** The id of the event that was not published. */
  public String eventId() {
    return eventId;
  }

  /** The entity key of that event. */
  public String entityKey() {
    return entityKey;
  }

  /** The topic published to. */
  public TopicPath topic() {
    return topic;
  }

  /** Why it failed. */
  public PublishFailure failure() {
    return failure;
  }
}
