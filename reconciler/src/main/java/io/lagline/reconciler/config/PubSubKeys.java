package io.lagline.reconciler.config;

import io.lagline.config.ConfigReader;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks the {@code pubsub.*} keys, dead-letter ones included. */
final class PubSubKeys {
  private static final String PROJECT = "projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/";
  private static final String ID = "[A-Za-z][A-Za-z0-9._~+%-]{2,254}";
  static final Pattern SUBSCRIPTION = Pattern.compile(PROJECT + "subscriptions/" + ID);
  private static final Pattern TOPIC = Pattern.compile(PROJECT + "topics/" + ID);
  static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9.:_-]+]?:\\d{1,5}");

  private PubSubKeys() {}

  static PubSubConfig pubsub(ConfigReader reader, Map<String, String> env) {
    String subscription = reader.requiredString("pubsub.subscription");
    checkName(reader, "pubsub.subscription", subscription, SUBSCRIPTION, "subscription");
    String topic = reader.string("pubsub.topic", null);
    checkName(reader, "pubsub.topic", topic, TOPIC, "topic");
    String emulator = reader.string("pubsub.emulator-host", env.get("PUBSUB_EMULATOR_HOST"));
    if (emulator != null && !HOST_PORT.matcher(emulator).matches()) {
      reader.problem("pubsub.emulator-host", emulator, "must be host:port, e.g. 127.0.0.1:8085");
    }
    return new PubSubConfig(
        subscription,
        topic,
        emulator,
        reader.path("pubsub.credentials-file", null, true),
        reader.integer(
            "pubsub.parallel-pull-count", PubSubConfig.DEFAULT_PARALLEL_PULL_COUNT, 1, 64),
        reader.longValue(
            "pubsub.flow-control.max-outstanding-messages",
            PubSubConfig.DEFAULT_MAX_OUTSTANDING_MESSAGES,
            1,
            1_000_000),
        reader.longValue(
            "pubsub.flow-control.max-outstanding-bytes",
            PubSubConfig.DEFAULT_MAX_OUTSTANDING_BYTES,
            1024,
            Long.MAX_VALUE),
        reader.duration(
            "pubsub.max-ack-extension",
            PubSubConfig.DEFAULT_MAX_ACK_EXTENSION,
            Duration.ofSeconds(10),
            Duration.ofHours(24)),
        reader.integer("pubsub.executor-threads", PubSubConfig.DEFAULT_EXECUTOR_THREADS, 1, 256),
        reader.duration(
            "pubsub.ack-deadline",
            PubSubConfig.DEFAULT_ACK_DEADLINE,
            Duration.ofSeconds(10),
            Duration.ofSeconds(600)),
        reader.duration(
            "pubsub.max-duration-per-ack-extension",
            PubSubConfig.DEFAULT_MAX_DURATION_PER_ACK_EXTENSION,
            Duration.ofSeconds(10),
            Duration.ofSeconds(600)));
  }

  static IntakeHealthConfig intakeHealth(ConfigReader reader) {
    return new IntakeHealthConfig(
        reader.duration(
            "pubsub.stream-error-window",
            IntakeHealthConfig.DEFAULT_STREAM_ERROR_WINDOW,
            Duration.ofSeconds(10),
            Duration.ofHours(1)),
        reader.integer(
            "pubsub.stream-error-threshold",
            IntakeHealthConfig.DEFAULT_STREAM_ERROR_THRESHOLD,
            1,
            1000),
        reader.duration(
            "pubsub.stall-timeout",
            IntakeHealthConfig.DEFAULT_STALL_TIMEOUT,
            Duration.ofSeconds(10),
            Duration.ofHours(1)));
  }

  static DeadLetterConfig deadLetter(ConfigReader reader, PubSubConfig pubsub) {
    String topic = reader.string("pubsub.dead-letter.topic", null);
    if (topic == null) {
      reader.problem(
          "pubsub.dead-letter.topic",
          null,
          "is required: poison events are published there (projects/{project}/topics/{id})");
    }
    checkName(reader, "pubsub.dead-letter.topic", topic, TOPIC, "topic");
    if (topic != null && topic.equals(pubsub.topic())) {
      reader.problem(
          "pubsub.dead-letter.topic", topic, "must differ from pubsub.topic (it would loop)");
    }
    String subscription = reader.string("pubsub.dead-letter.subscription", null);
    checkName(
        reader, "pubsub.dead-letter.subscription", subscription, SUBSCRIPTION, "subscription");
    if (subscription != null && subscription.equals(pubsub.subscription())) {
      reader.problem(
          "pubsub.dead-letter.subscription", subscription, "must differ from pubsub.subscription");
    }
    // Pub/Sub accepts 5-100 for a subscription's dead-letter policy
    int attempts =
        reader.integer(
            "pubsub.dead-letter.max-delivery-attempts",
            DeadLetterConfig.DEFAULT_MAX_DELIVERY_ATTEMPTS,
            5,
            100);
    return new DeadLetterConfig(topic, subscription, attempts);
  }

  private static void checkName(
      ConfigReader reader, String key, String value, Pattern pattern, String kind) {
    if (value != null && !pattern.matcher(value).matches()) {
      reader.problem(
          key, value, "must be a full name: projects/{project-id}/" + kind + "s/{" + kind + "-id}");
    }
  }
}
