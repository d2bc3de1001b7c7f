package io.lagline.pubsub;

import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Instant;

/** When Pub/Sub accepted a message, as every reader of a pulled message computes it. */
public final class PublishTime {
  private PublishTime() {}

  /**
   * The message's publish time; {@code fallback} when it carries none (a message built in a test,
   * or one not pulled from Pub/Sub).
   */
  public static Instant of(PubsubMessage message, Instant fallback) {
    Timestamp ts = message.getPublishTime();
    if (ts.getSeconds() == 0 && ts.getNanos() == 0) {
      return fallback;
    }
    return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
  }
}
