package io.lagline.faults;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values out of a {@code /metrics} page in the Prometheus text format. */
final class PrometheusText {
  private PrometheusText() {}

  /**
   * The sum of every sample of {@code metric} (any labels) whose labels contain {@code label} (e.g.
   * {@code outcome="applied"}; empty for all); 0 when there is none.
   */
  static double sum(String text, String metric, String label) {
    Matcher sample =
        Pattern.compile(
                "^" + Pattern.quote(metric) + "(\\{[^}]*\\})? ([-+0-9.eE]+|NaN)$",
                Pattern.MULTILINE)
            .matcher(text);
    double sum = 0;
    while (sample.find()) {
      String labels = sample.group(1) == null ? "" : sample.group(1);
      if (labels.contains(label) && !sample.group(2).equals("NaN")) {
        sum += Double.parseDouble(sample.group(2));
      }
    }
    return sum;
  }

  /** True when {@code metric} has a sample with exactly {@code value}, e.g. {@code 1.0}. */
  static boolean has(String text, String metric, String value) {
    return Pattern.compile(
            "^" + Pattern.quote(metric) + "(\\{[^}]*\\})? " + Pattern.quote(value) + "$",
            Pattern.MULTILINE)
        .matcher(text)
        .find();
  }
}
