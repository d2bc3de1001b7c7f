package io.lagline.producer.publish;

import static io.lagline.producer.publish.PublisherKey.*;
import static io.lagline.producer.publish.PublisherSettings.DEFAULT_PREFIX;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.config.ConfigReader;
import io.lagline.producer.publish.PublisherSettings.LimitExceeded;

/**
 * Reads {@link PublisherSettings} from configuration, recording problems in the reader instead of
 * throwing.
 */
final class SettingsReader {
  private SettingsReader() {}

  static PublisherSettings read(ConfigReader reader, String prefix) {
    PublisherSettingsBuilder builder =
        PublisherSettings.builder()
            .batchMaxMessages(reader.longValue(BATCH_MAX_MESSAGES.under(prefix)))
            .batchMaxBytes(reader.longValue(BATCH_MAX_BYTES.under(prefix)))
            .batchDelay(reader.duration(BATCH_DELAY.under(prefix)))
            .maxOutstandingMessages(
                reader.longValue(FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES.under(prefix)))
            .maxOutstandingBytes(reader.longValue(FLOW_CONTROL_MAX_OUTSTANDING_BYTES.under(prefix)))
            .limitExceeded(
                reader.enumValue(FLOW_CONTROL_LIMIT_EXCEEDED.under(prefix), LimitExceeded.class))
            .ordering(reader.bool(ORDERING.under(prefix)))
            .publishTimeout(reader.duration(PUBLISH_TIMEOUT.under(prefix)))
            .retryInitialDelay(reader.duration(RETRY_INITIAL_DELAY.under(prefix)))
            .retryMaxDelay(reader.duration(RETRY_MAX_DELAY.under(prefix)))
            .rpcTimeout(reader.duration(RETRY_RPC_TIMEOUT.under(prefix)))
            .shutdownTimeout(reader.duration(SHUTDOWN_TIMEOUT.under(prefix)));
    try {
      return builder.build();
    } catch (ConfigException e) {
      // only rules spanning several keys can still fail: each key alone is in range or at its
      // default
      for (ConfigProblem problem : e.problems()) {
        reader.problem(
            rekey(problem.key(), prefix), problem.value(), rekeyRule(problem.rule(), prefix));
      }
      return PublisherSettings.defaults();
    }
  }

  private static String rekey(String key, String prefix) {
    String relative = key.substring(DEFAULT_PREFIX.length() + 1);
    return prefix.isEmpty() ? relative : prefix + "." + relative;
  }

  private static String rekeyRule(String rule, String prefix) {
    String replacement = prefix.isEmpty() ? "" : prefix + ".";
    return rule.replace(DEFAULT_PREFIX + ".", replacement);
  }
}
