package io.lagline.consumer;

/** What a downstream consumer does with each notification; see {@link ReconciledSubscriber}. */
@FunctionalInterface
public interface NotificationHandler {
  /**
   * Handles one notification, first sighting of its event id within the deduplication window.
   * Returning acks the message; throwing nacks it, and Pub/Sub redelivers it.
   */
  void handle(Notification notification) throws Exception;
}
