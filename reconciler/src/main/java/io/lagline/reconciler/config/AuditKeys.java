package io.lagline.reconciler.config;

import io.lagline.config.ConfigReader;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and checks the {@code audit.*} and {@code watermark.*} keys. */
final class AuditKeys {
  private AuditKeys() {}

  static AuditConfig audit(
      ConfigReader reader, PubSubConfig pubsub, DeadLetterConfig deadLetter, Pattern names) {
    boolean enabled = reader.bool("audit.enabled", false);
    String subscription = reader.string("audit.subscription", null);
    if (subscription != null && !names.matcher(subscription).matches()) {
      reader.problem(
          "audit.subscription",
          subscription,
          "must be a full name: projects/{project-id}/subscriptions/{subscription-id}");
    }
    if (enabled && subscription == null) {
      reader.problem(
          "audit.subscription",
          null,
          "is required when audit.enabled is true: the auditor's own subscription on pubsub.topic");
    }
    if (subscription != null
        && (subscription.equals(pubsub.subscription())
            || subscription.equals(deadLetter.subscription()))) {
      reader.problem(
          "audit.subscription",
          subscription,
          "must differ from pubsub.subscription and pubsub.dead-letter.subscription: the auditor"
              + " needs its own copy of every message");
    }
    double rate = reader.decimal("audit.sample-rate", AuditConfig.DEFAULT_SAMPLE_RATE, 0.0, 1.0);
    if (rate <= 0.0) {
      reader.problem(
          "audit.sample-rate",
          String.format(Locale.ROOT, "%s", rate),
          "must be greater than 0 and at most 1 (the share of events checked)");
    }
    Duration grace =
        reader.duration(
            "audit.grace-period",
            AuditConfig.DEFAULT_GRACE_PERIOD,
            Duration.ofSeconds(1),
            Duration.ofHours(1));
    boolean repair = reader.bool("audit.repair", false);
    if (repair && pubsub.topic() == null) {
      reader.problem(
          "audit.repair", "true", "needs pubsub.topic: divergent events are republished there");
    }
    int maxHeld = reader.integer("audit.max-held", AuditConfig.DEFAULT_MAX_HELD, 1, 100_000);
    return new AuditConfig(enabled, subscription, rate, grace, repair, maxHeld);
  }

  static WatermarkConfig watermark(ConfigReader reader) {
    return new WatermarkConfig(
        reader.integer("watermark.max-producers", WatermarkConfig.DEFAULT_MAX_PRODUCERS, 1, 10_000),
        reader.duration(
            "watermark.forget-after",
            WatermarkConfig.DEFAULT_FORGET_AFTER,
            Duration.ofMinutes(1),
            Duration.ofDays(7)));
  }
}
