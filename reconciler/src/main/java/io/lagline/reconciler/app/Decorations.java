package io.lagline.reconciler.app;

import com.google.cloud.pubsub.v1.MessageReceiver;
import io.lagline.reconciler.deadletter.DeadLetterSink;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.notify.Notifier;
import java.util.function.UnaryOperator;

/**
 * What a run other than the service changes in the wiring: {@code reconciler rebuild} writes a
 * subset of the tables, parks poison differently, marks or drops notifications and filters what it
 * receives. Each is applied once, to the object the service would use.
 *
 * @param mapping applied to the mapping (heartbeat included) before anything uses it
 * @param deadLetters wraps the dead-letter sink the message handler parks poison with
 * @param notifier wraps the reconciled stream's notifier the message handler uses
 * @param receiver wraps the message handler as the subscriber's receiver
 */
public record Decorations(
    UnaryOperator<Mapping> mapping,
    UnaryOperator<DeadLetterSink> deadLetters,
    UnaryOperator<Notifier> notifier,
    UnaryOperator<MessageReceiver> receiver) {
  /** The service's own wiring. */
  public static final Decorations NONE =
      new Decorations(
          UnaryOperator.identity(),
          UnaryOperator.identity(),
          UnaryOperator.identity(),
          UnaryOperator.identity());
}
