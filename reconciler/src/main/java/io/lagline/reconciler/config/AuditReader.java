package io.lagline.reconciler.config;

import static io.lagline.reconciler.config.ReconcilerKey.AUDIT_ENABLED;
import static io.lagline.reconciler.config.ReconcilerKey.AUDIT_GRACE_PERIOD;
import static io.lagline.reconciler.config.ReconcilerKey.AUDIT_MAX_HELD;
import static io.lagline.reconciler.config.ReconcilerKey.AUDIT_REPAIR;
import static io.lagline.reconciler.config.ReconcilerKey.AUDIT_SAMPLE_RATE;
import static io.lagline.reconciler.config.ReconcilerKey.AUDIT_SUBSCRIPTION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_DEAD_LETTER_SUBSCRIPTION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_SUBSCRIPTION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_TOPIC;
import static io.lagline.reconciler.config.ReconcilerKey.WATERMARK_FORGET_AFTER;
import static io.lagline.reconciler.config.ReconcilerKey.WATERMARK_MAX_PRODUCERS;

import io.lagline.config.ConfigReader;

/** Reads the {@code audit.*} and {@code watermark.*} keys and checks the rules among them. */
final class AuditReader {
  private AuditReader() {}

  static AuditConfig audit(ConfigReader reader, PubSubConfig pubsub, DeadLetterConfig deadLetter) {
    boolean enabled = reader.bool(AUDIT_ENABLED);
    String subscription = reader.string(AUDIT_SUBSCRIPTION);
    if (enabled && subscription == null) {
      reader.problem(
          AUDIT_SUBSCRIPTION,
          null,
          "is required when "
              + AUDIT_ENABLED.path()
              + " is true: the auditor's own subscription on "
              + PUBSUB_TOPIC.path());
    }
    if (subscription != null
        && (subscription.equals(pubsub.subscription())
            || subscription.equals(deadLetter.subscription()))) {
      reader.problem(
          AUDIT_SUBSCRIPTION,
          subscription,
          "must differ from "
              + PUBSUB_SUBSCRIPTION.path()
              + " and "
              + PUBSUB_DEAD_LETTER_SUBSCRIPTION.path()
              + ": the auditor needs its own copy of every message");
    }
    boolean repair = reader.bool(AUDIT_REPAIR);
    if (repair && pubsub.topic() == null) {
      reader.problem(
          AUDIT_REPAIR,
          "true",
          "needs " + PUBSUB_TOPIC.path() + ": divergent events are republished there");
    }
    return new AuditConfig(
        enabled,
        subscription,
        reader.decimal(AUDIT_SAMPLE_RATE),
        reader.duration(AUDIT_GRACE_PERIOD),
        repair,
        reader.integer(AUDIT_MAX_HELD));
  }

  static WatermarkConfig watermark(ConfigReader reader) {
    return new WatermarkConfig(
        reader.integer(WATERMARK_MAX_PRODUCERS), reader.duration(WATERMARK_FORGET_AFTER));
  }
}
