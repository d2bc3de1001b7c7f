package io.lagline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.ops.AlertRules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The alert rules' structure, offline; promtool checks their meaning (PromtoolIT). */
class AlertRulesTest {
  private final List<Rule> rules = AlertRules.read(OpsFiles.alertRules());

  @Test
  void has_the_twelve_alerts() {
    assertThat(rules)
        .extracting(Rule::name)
        .containsExactly(
            "LaglineConsistencyLagSLOBreach",
            "LaglineWatermarkStalled",
            "LaglineAuditDivergence",
            "LaglineDeadLettersRising",
            "LaglineReconcilerPausedTooLong",
            "LaglineNoProgress",
            "LaglineSubscriptionErroring",
            "LaglineIntakeStalled",
            "LaglineNotificationsFailing",
            "LaglineNotificationsPaused",
            "LaglineIngestPubSubUnreachable",
            "LaglineInstanceDown");
  }

  @Test
  void every_alert_has_a_severity_a_summary_and_a_runbook_section() throws IOException {
    String runbook = Files.readString(OpsFiles.runbook());
    assertThat(rules)
        .allSatisfy(
            rule -> {
              assertThat(rule.labels().get("severity")).as(rule.name()).isIn("page", "ticket");
              assertThat(rule.annotations().get("summary")).as(rule.name()).isNotBlank();
              assertThat(rule.annotations().get("runbook_url"))
                  .as(rule.name())
                  .isEqualTo("docs/RUNBOOK.md#" + rule.name().toLowerCase(Locale.ROOT));
              assertThat(runbook).as("docs/RUNBOOK.md").contains("\n## " + rule.name() + "\n");
            });
  }

  @Test
  void every_metric_is_one_the_reconciler_or_producer_exports() {
    Set<String> known = KnownMetrics.all();
    assertThat(rules)
        .allSatisfy(
            rule -> assertThat(known).as(rule.name()).containsAll(PromQl.metricNames(rule.expr())));
  }

  @Test
  void promtool_tests_cover_every_alert_firing_and_not_firing() {
    Set<String> fires = new HashSet<>();
    Set<String> staysQuiet = new HashSet<>();
    JsonNode tests = AlertRules.yaml(OpsFiles.alertTests());
    assertThat(tests.path("rule_files").get(0).asText()).isEqualTo("alerts.yaml");
    for (JsonNode test : tests.path("tests")) {
      for (JsonNode check : test.path("alert_rule_test")) {
        String name = check.path("alertname").asText();
        (check.path("exp_alerts").isEmpty() ? staysQuiet : fires).add(name);
      }
    }
    List<String> names = rules.stream().map(Rule::name).toList();
    assertThat(fires).as("alerts with a firing case").containsAll(names);
    assertThat(staysQuiet).as("alerts with a not-firing case").containsAll(names);
  }
}
