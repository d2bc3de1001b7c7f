package io.lagline.producer.publish;

import static io.lagline.producer.publish.PublisherSettings.DEFAULT_PREFIX;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.config.ConfigReader;
import io.lagline.producer.publish.PublisherSettings.LimitExceeded;
import java.time.Duration;

/**
 * Reads {@link PublisherSettings} from configuration, recording problems in the reader instead of
 * throwing.
 */
final class SettingsReader {
  private static final Duration ONE_MS = Duration.ofMillis(1);
  private static final Duration MAX = PublisherSettings.MAX_DURATION;

  private SettingsReader() {}

  static PublisherSettings read(ConfigReader reader, String prefix) {
    PublisherSettingsBuilder builder =
        PublisherSettings.builder()
            .batchMaxMessages(
                number(
                    reader,
                    prefix,
                    PublisherKey.BATCH_MAX_MESSAGES,
                    PublisherSettings.DEFAULT_BATCH_MAX_MESSAGES,
                    PublisherSettings.MAX_BATCH_MESSAGES))
            .batchMaxBytes(
                number(
                    reader,
                    prefix,
                    PublisherKey.BATCH_MAX_BYTES,
                    PublisherSettings.DEFAULT_BATCH_MAX_BYTES,
                    PublisherSettings.MAX_BATCH_BYTES))
            .batchDelay(
                duration(
                    reader,
                    prefix,
                    PublisherKey.BATCH_DELAY,
                    PublisherSettings.DEFAULT_BATCH_DELAY,
                    ONE_MS,
                    PublisherSettings.MAX_BATCH_DELAY))
            .maxOutstandingMessages(
                number(
                    reader,
                    prefix,
                    PublisherKey.FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES,
                    PublisherSettings.DEFAULT_MAX_OUTSTANDING_MESSAGES,
                    PublisherSettings.MAX_OUTSTANDING_MESSAGES))
            .maxOutstandingBytes(
                number(
                    reader,
                    prefix,
                    PublisherKey.FLOW_CONTROL_MAX_OUTSTANDING_BYTES,
                    PublisherSettings.DEFAULT_MAX_OUTSTANDING_BYTES,
                    PublisherSettings.MAX_OUTSTANDING_BYTES))
            .limitExceeded(
                reader.enumValue(
                    PublisherKey.FLOW_CONTROL_LIMIT_EXCEEDED.path(prefix),
                    LimitExceeded.class,
                    PublisherSettings.DEFAULT_LIMIT_EXCEEDED))
            .ordering(
                reader.bool(PublisherKey.ORDERING.path(prefix), PublisherSettings.DEFAULT_ORDERING))
            .publishTimeout(
                duration(
                    reader,
                    prefix,
                    PublisherKey.PUBLISH_TIMEOUT,
                    PublisherSettings.DEFAULT_PUBLISH_TIMEOUT,
                    PublisherSettings.MIN_PUBLISH_TIMEOUT,
                    MAX))
            .retryInitialDelay(
                duration(
                    reader,
                    prefix,
                    PublisherKey.RETRY_INITIAL_DELAY,
                    PublisherSettings.DEFAULT_RETRY_INITIAL_DELAY,
                    ONE_MS,
                    MAX))
            .retryMaxDelay(
                duration(
                    reader,
                    prefix,
                    PublisherKey.RETRY_MAX_DELAY,
                    PublisherSettings.DEFAULT_RETRY_MAX_DELAY,
                    ONE_MS,
                    MAX))
            .rpcTimeout(
                duration(
                    reader,
                    prefix,
                    PublisherKey.RETRY_RPC_TIMEOUT,
                    PublisherSettings.DEFAULT_RPC_TIMEOUT,
                    PublisherSettings.MIN_RPC_TIMEOUT,
                    MAX))
            .shutdownTimeout(
                duration(
                    reader,
                    prefix,
                    PublisherKey.SHUTDOWN_TIMEOUT,
                    PublisherSettings.DEFAULT_SHUTDOWN_TIMEOUT,
                    Duration.ZERO,
                    MAX));
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

  private static long number(
      ConfigReader reader, String prefix, PublisherKey key, long defaultValue, long max) {
    return reader.longValue(key.path(prefix), defaultValue, 1, max);
  }

  private static Duration duration(
      ConfigReader reader,
      String prefix,
      PublisherKey key,
      Duration defaultValue,
      Duration min,
      Duration max) {
    return reader.duration(key.path(prefix), defaultValue, min, max);
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
