package io.lagline.reconciler.config;

import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_ACK_DEADLINE;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_CREDENTIALS_FILE;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_DEAD_LETTER_MAX_DELIVERY_ATTEMPTS;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_DEAD_LETTER_SUBSCRIPTION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_DEAD_LETTER_TOPIC;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_EMULATOR_HOST;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_EXECUTOR_THREADS;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_FLOW_CONTROL_MAX_OUTSTANDING_BYTES;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_MAX_ACK_EXTENSION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_MAX_DURATION_PER_ACK_EXTENSION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_PARALLEL_PULL_COUNT;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_RECONCILED_INCLUDE_PAYLOAD;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_RECONCILED_ORDERING;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_RECONCILED_OUTCOMES;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_RECONCILED_SUBSCRIPTION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_RECONCILED_TOPIC;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_STALL_TIMEOUT;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_STREAM_ERROR_THRESHOLD;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_STREAM_ERROR_WINDOW;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_SUBSCRIPTION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_TOPIC;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_TOPIC_RETENTION;

import io.lagline.config.ConfigReader;
import io.lagline.event.Reconciled;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads the {@code pubsub.*} keys, dead-letter ones included, and checks the rules among them. */
final class PubSubReader {
  /** The variable Google's clients read, the default of {@code pubsub.emulator-host}. */
  static final String EMULATOR_HOST_VARIABLE = "PUBSUB_EMULATOR_HOST";

  private PubSubReader() {}

  static PubSubConfig pubsub(ConfigReader reader, Map<String, String> env) {
    String emulator = reader.string(PUBSUB_EMULATOR_HOST);
    if (emulator == null) {
      emulator = env.get(EMULATOR_HOST_VARIABLE);
      if (emulator != null && !KeyForms.HOST_PORT.matcher(emulator).matches()) {
        reader.problem(
            PUBSUB_EMULATOR_HOST,
            emulator,
            PUBSUB_EMULATOR_HOST.rule().mustBe() + " (taken from $" + EMULATOR_HOST_VARIABLE + ")");
      }
    }
    return new PubSubConfig(
        reader.string(PUBSUB_SUBSCRIPTION),
        reader.string(PUBSUB_TOPIC),
        emulator,
        reader.path(PUBSUB_CREDENTIALS_FILE),
        reader.integer(PUBSUB_PARALLEL_PULL_COUNT),
        reader.longValue(PUBSUB_FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES),
        reader.longValue(PUBSUB_FLOW_CONTROL_MAX_OUTSTANDING_BYTES),
        reader.duration(PUBSUB_MAX_ACK_EXTENSION),
        reader.integer(PUBSUB_EXECUTOR_THREADS),
        reader.duration(PUBSUB_ACK_DEADLINE),
        reader.duration(PUBSUB_MAX_DURATION_PER_ACK_EXTENSION),
        reader.duration(PUBSUB_TOPIC_RETENTION));
  }

  static IntakeHealthConfig intakeHealth(ConfigReader reader) {
    return new IntakeHealthConfig(
        reader.duration(PUBSUB_STREAM_ERROR_WINDOW),
        reader.integer(PUBSUB_STREAM_ERROR_THRESHOLD),
        reader.duration(PUBSUB_STALL_TIMEOUT));
  }

  static DeadLetterConfig deadLetter(ConfigReader reader, PubSubConfig pubsub) {
    String topic = reader.string(PUBSUB_DEAD_LETTER_TOPIC);
    if (topic != null && topic.equals(pubsub.topic())) {
      reader.problem(
          PUBSUB_DEAD_LETTER_TOPIC,
          topic,
          "must differ from " + PUBSUB_TOPIC.path() + " (it would loop)");
    }
    String subscription = reader.string(PUBSUB_DEAD_LETTER_SUBSCRIPTION);
    if (subscription != null && subscription.equals(pubsub.subscription())) {
      reader.problem(
          PUBSUB_DEAD_LETTER_SUBSCRIPTION,
          subscription,
          "must differ from " + PUBSUB_SUBSCRIPTION.path());
    }
    return new DeadLetterConfig(
        topic, subscription, reader.integer(PUBSUB_DEAD_LETTER_MAX_DELIVERY_ATTEMPTS));
  }

  static ReconciledConfig reconciled(
      ConfigReader reader, PubSubConfig pubsub, DeadLetterConfig deadLetter) {
    String topic = reader.string(PUBSUB_RECONCILED_TOPIC);
    if (topic != null && (topic.equals(pubsub.topic()) || topic.equals(deadLetter.topic()))) {
      reader.problem(
          PUBSUB_RECONCILED_TOPIC,
          topic,
          "must differ from "
              + PUBSUB_TOPIC.path()
              + " and "
              + PUBSUB_DEAD_LETTER_TOPIC.path()
              + " (notifications are not events)");
    }
    String subscription = reader.string(PUBSUB_RECONCILED_SUBSCRIPTION);
    if (subscription != null
        && (subscription.equals(pubsub.subscription())
            || subscription.equals(deadLetter.subscription()))) {
      reader.problem(
          PUBSUB_RECONCILED_SUBSCRIPTION,
          subscription,
          "must differ from "
              + PUBSUB_SUBSCRIPTION.path()
              + " and "
              + PUBSUB_DEAD_LETTER_SUBSCRIPTION.path());
    }
    if (subscription != null && topic == null) {
      reader.problem(
          PUBSUB_RECONCILED_SUBSCRIPTION,
          subscription,
          "needs " + PUBSUB_RECONCILED_TOPIC.path() + " (the topic it reads)");
    }
    Set<String> outcomes = new LinkedHashSet<>(reader.list(PUBSUB_RECONCILED_OUTCOMES));
    for (String outcome : outcomes) {
      if (!Reconciled.OUTCOMES.contains(outcome)) {
        reader.problem(
            PUBSUB_RECONCILED_OUTCOMES,
            String.join(",", outcomes),
            "must list only "
                + String.join(", ", Reconciled.OUTCOMES)
                + "; '"
                + outcome
                + "' is not one");
        break;
      }
    }
    if (outcomes.isEmpty()) {
      outcomes.addAll(ReconciledConfig.DEFAULT_OUTCOMES);
    }
    return new ReconciledConfig(
        topic,
        subscription,
        reader.bool(PUBSUB_RECONCILED_INCLUDE_PAYLOAD),
        reader.bool(PUBSUB_RECONCILED_ORDERING),
        outcomes,
        reader.bool(ReconcilerKey.PUBSUB_RECONCILED_NOTIFY_REPLAYS));
  }
}
