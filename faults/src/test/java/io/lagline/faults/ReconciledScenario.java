package io.lagline.faults;

import com.google.pubsub.v1.ProjectSubscriptionName;
import io.lagline.metrics.PrometheusText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * l: the reconciled stream through a crash. The reconciler publishes a notification once an event's
 * writes are confirmed and acks the event only after Pub/Sub confirmed the notification, so a kill
 * -9 in between loses nothing: the event comes again, its writes answer duplicate, and it is
 * notified again. Two downstream checkers run throughout, one on a second subscription of the raw
 * topic and one on the reconciled topic, each reading the event's rows from Cassandra as soon as a
 * message arrives: a raw reader often finds them behind, a notified one must never.
 */
final class ReconciledScenario {
  private static final Logger LOG = LoggerFactory.getLogger(ReconciledScenario.class);
  private static final double KILL_AT = 0.50;
  private static final int EXAMPLES = 5;

  private ReconciledScenario() {}

  /**
   * Kills the reconciler with SIGKILL at 50% and restarts it, then checks the four guarantees and
   * the stream: every good event notified at least once, no poison notified, nothing unknown, and
   * no notified read behind.
   */
  static void killedMidStream(FaultStack faults, Scenario scenario) throws Exception {
    var pubsub = faults.pubsub();
    ProjectSubscriptionName rawSubscription =
        PubSubSetup.subscription(
            pubsub,
            scenario.id() + "-downstream-sub",
            scenario.topic(),
            ScenarioConfig.ACK_DEADLINE,
            false,
            null,
            0);
    ProjectSubscriptionName reconciledSubscription =
        PubSubSetup.subscription(
            pubsub,
            scenario.id() + "-reconciled-sub",
            scenario.reconciledTopic(),
            ScenarioConfig.ACK_DEADLINE,
            false,
            null,
            0);
    Set<String> good = scenario.workload().goodIds();
    Set<String> poison =
        scenario.workload().poison().stream()
            .map(OutboundMessage::eventId)
            .collect(Collectors.toUnmodifiableSet());
    try (DownstreamChecker raw =
            DownstreamChecker.start(
                "raw", pubsub, rawSubscription, faults.reader(), scenario.id(), poison);
        DownstreamChecker notified =
            DownstreamChecker.start(
                "reconciled",
                pubsub,
                reconciledSubscription,
                faults.reader(),
                scenario.id(),
                poison)) {
      ReconcilerProcess reconciler = scenario.startReconciler(1);
      CompletableFuture<Integer> publishing = scenario.publishAsync();
      scenario.awaitProgress(KILL_AT);
      double handled =
          PrometheusText.parse(reconciler.metrics()).sum("lagline_reconciler_events_total");
      reconciler.kill9();
      LOG.info("l: killed {} after it handled {} events", reconciler.name(), handled);
      scenario.startReconciler(1);
      Scenario.awaitPublished(publishing);
      boolean allNotified =
          Checks.within(Scenario.CONVERGE_TIMEOUT, () -> notified.seen().containsAll(good));
      LOG.info("l: every good event notified: {}", allNotified);

      Set<String> seen = notified.seen();
      long goodNotified = good.stream().filter(seen::contains).count();
      List<String> poisonNotified = seen.stream().filter(poison::contains).sorted().toList();
      Set<String> unknown = new HashSet<>(seen);
      unknown.removeAll(good);
      unknown.removeAll(poison);
      ScenarioResult result =
          scenario.finish(
              String.format(
                  "kill -9 ×1, restarted; notified %d/%d good, %d poison;"
                      + " reads behind: raw %s, notified %s",
                  goodNotified,
                  good.size(),
                  poisonNotified.size(),
                  raw.summary(),
                  notified.summary()));
      LOG.info(
          "l: raw subscription {} messages, reconciled {} messages",
          raw.messages(),
          notified.messages());
      SoftAssertions soft = Checks.guarantees(result);
      soft.assertThat(notified.behind())
          .as("reads after a notification that found the event's rows behind")
          .isZero();
      soft.assertThat(notified.reads()).as("reads after a notification").isPositive();
      soft.assertThat(good.stream().filter(id -> !seen.contains(id)).limit(EXAMPLES).toList())
          .as("good events never notified (%d of %d)", good.size() - goodNotified, good.size())
          .isEmpty();
      soft.assertThat(poisonNotified).as("poison events notified").isEmpty();
      soft.assertThat(unknown).as("notified event ids that were never published").isEmpty();
      soft.assertAll();
    }
  }
}
