package io.lagline.testkit;

import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values out of a {@code /metrics} page in the Prometheus text format. */
public final class PrometheusText {
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

  private PrometheusText() {}

  /**
   * The sum of every sample of {@code metric} (any labels) whose labels contain {@code label} (e.g.
   * {@code outcome="applied"}; empty for all); 0 when there is none.
   */
  public static double sum(String text, String metric, String label) {
    Matcher sample = samples(text, metric);
    double sum = 0;
    while (sample.find()) {
      String labels = sample.group(1) == null ? "" : sample.group(1);
      if (labels.contains(label) && !sample.group(2).equals("NaN")) {
        sum += Double.parseDouble(sample.group(2));
      }
    }
    return sum;
  }

  /** The largest sample of {@code metric} over every label set; 0 when there is none. */
  public static double max(String text, String metric) {
    Matcher sample = samples(text, metric);
    double max = 0;
    while (sample.find()) {
      if (!sample.group(2).equals("NaN")) {
        max = Math.max(max, Double.parseDouble(sample.group(2)));
      }
    }
    return max;
  }

  /** True when {@code metric} has a sample with exactly {@code value}, e.g. {@code 1.0}. */
  public static boolean has(String text, String metric, String value) {
    return Pattern.compile(
            "^" + Pattern.quote(metric) + "(\\{[^}]*\\})? " + Pattern.quote(value) + "$",
            Pattern.MULTILINE)
        .matcher(text)
        .find();
  }

  /**
   * The cumulative buckets of histogram {@code name} ({@code name_bucket} samples), summed over
   * every other label: upper bound in the metric's unit to observations at or below it. {@code
   * +Inf} is left out.
   */
  public static TreeMap<Double, Double> buckets(String text, String name) {
    Matcher sample = samples(text, name + "_bucket");
    TreeMap<Double, Double> buckets = new TreeMap<>();
    while (sample.find()) {
      Matcher le = LE.matcher(sample.group(1) == null ? "" : sample.group(1));
      if (le.find() && !le.group(1).equals("+Inf") && !sample.group(2).equals("NaN")) {
        buckets.merge(
            Double.parseDouble(le.group(1)), Double.parseDouble(sample.group(2)), Double::sum);
      }
    }
    return buckets;
  }

  private static Matcher samples(String text, String metric) {
    return Pattern.compile(
            "^" + Pattern.quote(metric) + "(\\{[^}]*\\})? ([-+0-9.eE]+|NaN)$", Pattern.MULTILINE)
        .matcher(text);
  }
}
