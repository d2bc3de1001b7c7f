package io.lagline.event;

/**
 * Pub/Sub's size limits, which the event contract ({@link EventRules#MAX_DATA_BYTES}) and every
 * channel Lagline opens are built around.
 */
public final class PubSubLimits {
  /** Largest message Pub/Sub accepts: 10 MB, data, attributes and ordering key together. */
  public static final int MAX_MESSAGE_BYTES = 10_000_000;

  /**
   * Largest gRPC message a Lagline channel accepts, 20 MiB, as the Pub/Sub client's own channels do
   * ({@code Subscriber}, {@code SubscriberStubSettings}): a pull response holding the largest
   * message must fit. gRPC's default of 4 MiB fails such a response with {@code
   * RESOURCE_EXHAUSTED}, and a streaming pull then reconnects and fails on the same messages for
   * ever.
   */
  public static final int MAX_INBOUND_MESSAGE_BYTES = 20 * 1024 * 1024;

  private PubSubLimits() {}
}
