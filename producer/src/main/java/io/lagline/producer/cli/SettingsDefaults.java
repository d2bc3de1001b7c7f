package io.lagline.producer.cli;

import io.lagline.producer.publish.PublisherKey;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Gives each publisher flag ({@link PublisherKey#flag()}) its key's declared default. */
final class SettingsDefaults implements IDefaultValueProvider {
  private static final Map<String, String> BY_FLAG =
      Arrays.stream(PublisherKey.values())
          .collect(Collectors.toMap(PublisherKey::flag, k -> k.rule().defaultText()));

  @Override
  public String defaultValue(ArgSpec arg) {
    return arg instanceof OptionSpec option ? BY_FLAG.get(option.longestName()) : null;
  }

  static Map<String, String> byFlag() {
    return BY_FLAG;
  }
}
