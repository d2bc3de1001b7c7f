package io.lagline.reconciler.deadletter;

import java.time.Duration;
import java.util.List;

/**
 * The dead-letter subscription, read by synchronous pull. The I/O boundary of the {@code dlq}
 * commands; {@link GrpcDeadLetterSource} is the real one.
 */
public interface DeadLetterSource extends AutoCloseable {
  /**
   * Pulls up to {@code maxMessages}, waiting a short while for some to arrive.
   *
   * @return the messages pulled; empty when none arrived in that wait
   */
  List<DeadLetter> pull(int maxMessages);

  /** Sets the ack deadline of held messages; {@link Duration#ZERO} releases them for redelivery. */
  void modifyAckDeadline(List<String> ackIds, Duration deadline);

  /** Acknowledges messages: they leave the subscription for good. */
  void acknowledge(List<String> ackIds);

  /** The full subscription name, for messages. */
  String subscription();

  @Override
  void close();
}
