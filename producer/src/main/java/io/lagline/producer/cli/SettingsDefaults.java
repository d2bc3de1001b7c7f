package io.lagline.producer.cli;

import io.lagline.config.Durations;
import io.lagline.producer.publish.PublisherKey;
import io.lagline.producer.publish.PublisherSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives each publisher flag ({@link PublisherKey#flag()}) its default from {@link
 * PublisherSettings#defaults()}.
 */
final class SettingsDefaults implements IDefaultValueProvider {
  private static final Map<String, String> BY_FLAG =
      Arrays.stream(PublisherKey.values())
          .collect(
              Collectors.toMap(PublisherKey::flag, k -> text(k, PublisherSettings.defaults())));

  @Override
  public String defaultValue(ArgSpec arg) {
    return arg instanceof OptionSpec option ? BY_FLAG.get(option.longestName()) : null;
  }

  static Map<String, String> byFlag() {
    return BY_FLAG;
  }

  static String text(PublisherKey key, PublisherSettings s) {
    return switch (key) {
      case BATCH_MAX_MESSAGES -> Long.toString(s.batchMaxMessages());
      case BATCH_MAX_BYTES -> Long.toString(s.batchMaxBytes());
      case BATCH_DELAY -> Durations.format(s.batchDelay());
      case FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES -> Long.toString(s.maxOutstandingMessages());
      case FLOW_CONTROL_MAX_OUTSTANDING_BYTES -> Long.toString(s.maxOutstandingBytes());
      case FLOW_CONTROL_LIMIT_EXCEEDED -> s.limitExceeded().name().toLowerCase(Locale.ROOT);
      case ORDERING -> Boolean.toString(s.ordering());
      case PUBLISH_TIMEOUT -> Durations.format(s.publishTimeout());
      case RETRY_INITIAL_DELAY -> Durations.format(s.retryInitialDelay());
      case RETRY_MAX_DELAY -> Durations.format(s.retryMaxDelay());
      case RETRY_RPC_TIMEOUT -> Durations.format(s.rpcTimeout());
      case SHUTDOWN_TIMEOUT -> Durations.format(s.shutdownTimeout());
    };
  }
}
