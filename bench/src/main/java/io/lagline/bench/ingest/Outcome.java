package io.lagline.bench.ingest;

/** What became of one send of a load phase. */
enum Outcome {
  /** HTTP {@code 202}, or the library's receipt: Pub/Sub confirmed the publish. */
  ACCEPTED,
  /** HTTP {@code 429}, or the library's flow control full: the publisher's limit was reached. */
  REFUSED,
  /** Any other status or failure, a client timeout included. */
  FAILED,
  /** Never sent: the load generator's own in-flight cap was reached. */
  SHED,
  /** Sent, but not answered before the phase stopped waiting. */
  UNANSWERED
}
