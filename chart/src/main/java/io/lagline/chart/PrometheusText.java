package io.lagline.chart;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a {@code /metrics} page in the Prometheus text format, summed by one label: just
 * what the sampler needs (counters and histogram buckets; comments and other metrics are skipped).
 */
final class PrometheusText {
  private static final Pattern LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? ([-+0-9.eE]+|NaN|[+-]Inf)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  private PrometheusText() {}

  /**
   * Sums every sample of {@code metric} by the value of {@code label} (samples without it are
   * skipped).
   */
  static Map<String, Double> sumBy(String text, String metric, String label) {
    Map<String, Double> sums = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith(metric)) {
        continue;
      }
      Matcher sample = LINE.matcher(line);
      if (!sample.find() || !sample.group(1).equals(metric) || sample.group(4).equals("NaN")) {
        continue;
      }
      String value = labels(sample.group(3)).get(label);
      if (value != null) {
        sums.merge(
            value, Double.parseDouble(sample.group(4).replace("Inf", "Infinity")), Double::sum);
      }
    }
    return sums;
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text != null) {
      Matcher matcher = LABEL.matcher(text);
      while (matcher.find()) {
        labels.put(matcher.group(1), matcher.group(2));
      }
    }
    return labels;
  }
}
