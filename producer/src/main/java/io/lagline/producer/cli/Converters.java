package io.lagline.producer.cli;

import io.lagline.config.Durations;
import io.lagline.producer.publish.TopicPath;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses flag values that picocli cannot: topics and durations. */
final class Converters {
  private Converters() {}

  /** {@code projects/{project}/topics/{topic}}. */
  static final class Topic implements ITypeConverter<TopicPath> {
    @Override
    public TopicPath convert(String value) {
      try {
        return TopicPath.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code 250ms}, {@code 30s}, {@code 5m}, ... */
  static final class DurationText implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' must be a duration such as 250ms, 30s or 5m"));
    }
  }
}
