package io.lagline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.lagline.metrics.PrometheusText.Family;
import io.lagline.metrics.PrometheusText.Sample;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final String EVENTS =
      """
      # HELP lagline_reconciler_events_total Events handled
      # TYPE lagline_reconciler_events_total counter
      lagline_reconciler_events_total{event_type="DeviceSynced",outcome="applied"} 10.0
      lagline_reconciler_events_total{event_type="DeviceRetired",outcome="applied"} 2.0
      lagline_reconciler_events_total{event_type="DeviceSynced",outcome="stale"} 5.0
      lagline_reconciler_paused 1.0
      """;

  @Test
  void label_values_are_unescaped_and_may_hold_commas_braces_and_quotes() {
    String text =
        """
        msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
        odd{a="1,2}", b = "x=\\"y\\"" ,} 3
        """;

    PrometheusText page = PrometheusText.parse(text);

    assertThat(page.samples()).hasSize(2);
    assertThat(page.samples().get(0).labels())
        .containsExactly(
            entry("path", "C:\\DIR\\FILE.TXT"), entry("error", "Cannot find file:\n\"FILE.TXT\""));
    assertThat(page.samples().get(0).value()).isEqualTo(1.458255915e9);
    assertThat(page.samples().get(1).labels())
        .containsExactly(entry("a", "1,2}"), entry("b", "x=\"y\""));
    assertThat(page.sum("odd", "a=\"1,2}\"")).isEqualTo(3.0);
  }

  @Test
  void values_may_be_nan_or_infinite_and_sums_skip_nan() {
    String text =
        """
        g{k="a"} NaN
        g{k="b"} +Inf
        g{k="c"} -Inf
        h{k="a"} NaN
        h{k="b"} 2
        h{k="b"} 3e-1
        """;

    PrometheusText page = PrometheusText.parse(text);

    assertThat(page.samples("g"))
        .extracting(Sample::value)
        .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertThat(page.sum("h")).isEqualTo(2.3);
    assertThat(page.sumBy("h", "k")).containsExactly(entry("b", 2.3));
    assertThat(page.max("h")).isEqualTo(2.0);
    assertThat(page.max("missing")).isZero();
  }

  @Test
  void comments_and_blank_lines_are_skipped_and_type_and_help_describe_families() {
    String text =
        """
        # a free comment
        # HELP lat_seconds Lag, with a backslash \\\\ and a\\nnewline
        # TYPE lat_seconds histogram

        # TYPE lat_seconds_max gauge
        lat_seconds_max 0.5
        # EOF
        """;

    PrometheusText page = PrometheusText.parse(text);

    assertThat(page.samples()).hasSize(1);
    assertThat(page.families())
        .containsExactly(
            entry(
                "lat_seconds",
                new Family("lat_seconds", "histogram", "Lag, with a backslash \\ and a\nnewline")),
            entry("lat_seconds_max", new Family("lat_seconds_max", "gauge", "")));
  }

  @Test
  void histogram_buckets_are_summed_over_other_labels_by_their_le_bound_without_inf() {
    String text =
        """
        # TYPE lag_seconds histogram
        lag_seconds_bucket{event_type="A",le="0.05"} 1
        lag_seconds_bucket{event_type="A",le="1.0"} 4
        lag_seconds_bucket{event_type="A",le="+Inf"} 5
        lag_seconds_bucket{event_type="B",le="0.05"} 2
        lag_seconds_bucket{event_type="B",le="1.0"} 2
        lag_seconds_bucket{event_type="B",le="+Inf"} 3
        lag_seconds_count{event_type="A"} 5
        lag_seconds_count{event_type="B"} 3
        """;

    PrometheusText page = PrometheusText.parse(text);

    assertThat(page.buckets("lag_seconds")).containsExactly(entry(0.05, 3.0), entry(1.0, 6.0));
    assertThat(page.sumBy("lag_seconds_bucket", "le"))
        .containsExactly(entry("0.05", 3.0), entry("1.0", 6.0), entry("+Inf", 8.0));
    assertThat(page.sum("lag_seconds_count")).isEqualTo(8.0);
  }

  @Test
  void a_sample_may_carry_a_timestamp_in_milliseconds() {
    String text =
        """
        http_requests_total{method="post",code="200"} 1027 1395066363000
        something_weird{problem="division by zero"} +Inf -3982045
        metric_without_timestamp_and_labels 12.47
        """;

    PrometheusText page = PrometheusText.parse(text);

    assertThat(page.samples())
        .extracting(Sample::timestampMillis)
        .containsExactly(
            OptionalLong.of(1395066363000L), OptionalLong.of(-3982045L), OptionalLong.empty());
    assertThat(page.samples().get(2).labels()).isEmpty();
  }

  @Test
  void selectors_match_every_label_they_name_exactly() {
    PrometheusText page = PrometheusText.parse(EVENTS);

    assertThat(page.sum("lagline_reconciler_events_total", "outcome=\"applied\"")).isEqualTo(12.0);
    assertThat(
            page.sum(
                "lagline_reconciler_events_total",
                "outcome=\"applied\",event_type=\"DeviceSynced\""))
        .isEqualTo(10.0);
    assertThat(page.sum("lagline_reconciler_events_total", "outcome=\"appl\"")).isZero();
    assertThat(page.sum("lagline_reconciler_events_total")).isEqualTo(17.0);
    assertThat(page.sum("lagline_reconciler_events")).isZero();
  }

  @Test
  void has_compares_values_of_the_exact_name() {
    PrometheusText page = PrometheusText.parse(EVENTS);

    assertThat(page.has("lagline_reconciler_paused", 1.0)).isTrue();
    assertThat(page.has("lagline_reconciler_paused", 0.0)).isFalse();
    assertThat(page.has("lagline_reconciler_events", 10.0)).isFalse();
  }

  @Test
  void an_empty_page_or_crlf_lines_parse() {
    assertThat(PrometheusText.parse("").samples()).isEmpty();
    assertThat(PrometheusText.parse("a 1\r\nb{x=\"y\"} 2\r\n").samples())
        .extracting(Sample::name, Sample::labels)
        .containsExactly(tuple("a", Map.of()), tuple("b", Map.of("x", "y")));
  }

  @Test
  void a_line_that_is_no_sample_is_refused_naming_its_number_and_column() {
    assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{a=\"x} 1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "line 2 of the metrics text needs a closing '\"' at column 15: broken{a=\"x} 1");
    assertThatThrownBy(() -> PrometheusText.parse("<html>"))
        .hasMessageStartingWith("line 1 of the metrics text needs a metric name at column 1");
    assertThatThrownBy(() -> PrometheusText.parse("x one"))
        .hasMessageContaining("needs a number for the value");
    assertThatThrownBy(() -> PrometheusText.parse("x 1 2 3"))
        .hasMessageContaining("needs the end of the line at column 7");
  }
}
