package io.lagline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQlTest {
  @Test
  void finds_metric_names_but_not_labels_functions_or_strings() {
    String expr =
        "sum by (env) (rate(lagline_reconciler_events_total{outcome!=\"lagline_x\"}[5m])) > 0"
            + " unless on (env) up{job=~\"lagline-.*\"} == 0 or process_cpu_usage";

    assertThat(PromQl.metricNames(expr))
        .containsExactly("lagline_reconciler_events_total", "up", "process_cpu_usage");
  }

  @Test
  void finds_each_selector_with_its_matchers() {
    String expr = "timestamp(lagline_g{env=~\"$env\"}) - lagline_g{env=~\"$env\"} + up";

    assertThat(PromQl.selectors(expr)).containsExactly("lagline_g{env=~\"$env\"}", "up");
  }

  @Test
  void substitutes_grafana_variables_longest_name_first() {
    String expr = "rate(x{env=~\"$env\", i=~\"${instance}\"}[$__rate_interval])";

    assertThat(
            PromQl.substitute(
                expr,
                Map.of("env", "it", "instance", ".*", "__rate_interval", "1m", "__rate", "X")))
        .isEqualTo("rate(x{env=~\"it\", i=~\".*\"}[1m])");
  }
}
