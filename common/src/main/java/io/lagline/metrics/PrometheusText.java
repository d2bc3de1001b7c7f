package io.lagline.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A {@code /metrics} page in the Prometheus text exposition format (version 0.0.4, what
 * Micrometer's {@code PrometheusMeterRegistry.scrape()} serves), parsed once: its samples, and the
 * {@code # TYPE} and {@code # HELP} of each metric family. The one reader of scrapes for every
 * module: the chart's sampler, the benchmark, the fault suite and the metrics reference tests.
 * (Neither the Prometheus Java client nor Micrometer ships a parser of this format, only writers.)
 *
 * <p>Label values are unescaped ({@code \\}, {@code \"}, {@code \n}); values may be {@code NaN},
 * {@code +Inf} or {@code -Inf}; other comment lines and blank lines are skipped. A line that is
 * none of these is an {@link IllegalArgumentException} naming its number.
 */
public final class PrometheusText {
  /**
   * One sample line, {@code name{labels} value [timestamp]}.
   *
   * @param labels label name to unescaped value, in the order of the line; empty without labels
   * @param timestampMillis the optional timestamp, milliseconds since the epoch
   */
  public record Sample(
      String name, Map<String, String> labels, double value, OptionalLong timestampMillis) {
    public Sample {
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The value of label {@code name}, or null when the sample has no such label. */
    public String label(String name) {
      return labels.get(name);
    }
  }

  /**
   * A metric family as its comment lines describe it.
   *
   * @param type {@code counter}, {@code gauge}, {@code histogram}, {@code summary} or {@code
   *     untyped} (also when there is no {@code # TYPE} line)
   * @param help the unescaped {@code # HELP} text; empty when there is none
   */
  public record Family(String name, String type, String help) {}

  private final List<Sample> samples;
  private final Map<String, Family> families;

  private PrometheusText(List<Sample> samples, Map<String, Family> families) {
    this.samples = List.copyOf(samples);
    this.families = Collections.unmodifiableMap(families);
  }

  /** Parses a whole page; an empty page has no samples. */
  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, Family> families = new TreeMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      PrometheusLine reader = new PrometheusLine(line, i + 1);
      if (line.startsWith("#")) {
        reader.comment(families);
      } else {
        samples.add(reader.sample());
      }
    }
    return new PrometheusText(samples, families);
  }

  /** Every sample, in the order of the page. */
  public List<Sample> samples() {
    return samples;
  }

  /** The samples named exactly {@code name} (e.g. {@code x_bucket}, not the family {@code x}). */
  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The families that have a {@code # TYPE} or {@code # HELP} line, by name. */
  public Map<String, Family> families() {
    return families;
  }

  /** The sum of every sample of {@code name}, whatever its labels; {@code NaN} samples skipped. */
  public double sum(String name) {
    return sum(name, "");
  }

  /**
   * The sum of the samples of {@code name} that carry every label of {@code selector}; {@code NaN}
   * samples are skipped, and the sum of none is 0.
   *
   * @param selector labels as on a sample line, without braces: {@code outcome="applied"}, {@code
   *     a="1",b="2"}, or empty for every sample
   */
  public double sum(String name, String selector) {
    Map<String, String> wanted = PrometheusLine.selector(selector);
    return samples(name).stream()
        .filter(s -> !Double.isNaN(s.value()))
        .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet()))
        .mapToDouble(Sample::value)
        .sum();
  }

  /**
   * The samples of {@code name} summed by the value of {@code label}, in the order each value first
   * appears; samples without the label and {@code NaN} samples are skipped.
   */
  public Map<String, Double> sumBy(String name, String label) {
    Map<String, Double> sums = new LinkedHashMap<>();
    for (Sample sample : samples(name)) {
      String value = sample.label(label);
      if (value != null && !Double.isNaN(sample.value())) {
        sums.merge(value, sample.value(), Double::sum);
      }
    }
    return sums;
  }

  /** The largest sample of {@code name} over every label set; 0 when there is none. */
  public double max(String name) {
    return samples(name).stream()
        .mapToDouble(Sample::value)
        .filter(v -> !Double.isNaN(v))
        .max()
        .orElse(0);
  }

  /** True when {@code name} has a sample (any labels) equal to {@code value}. */
  public boolean has(String name, double value) {
    return samples(name).stream().anyMatch(s -> Double.compare(s.value(), value) == 0);
  }

  /**
   * The cumulative buckets of histogram {@code histogram} (its {@code _bucket} samples), summed
   * over every label but {@code le}: upper bound in the metric's unit to the observations at or
   * below it, ascending. The {@code +Inf} bucket is left out (it equals {@code _count}).
   */
  public NavigableMap<Double, Double> buckets(String histogram) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    sumBy(histogram + "_bucket", "le")
        .forEach(
            (le, count) -> {
              double bound = PrometheusLine.number(le);
              if (bound != Double.POSITIVE_INFINITY) {
                buckets.merge(bound, count, Double::sum);
              }
            });
    return buckets;
  }
}
