package io.lagline.reconciler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import com.google.pubsub.v1.Subscription;
import io.lagline.reconciler.TestMappings;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionPlanTest {
  @TempDir Path dir;

  private ReconcilerConfig config(String deadLetterExtra) throws IOException {
    Files.writeString(dir.resolve("mapping.yaml"), TestMappings.DEVICES_YAML);
    Path file =
        Files.writeString(
            dir.resolve("reconciler.yaml"),
            """
            pubsub:
              subscription: projects/demo-project/subscriptions/events
              topic: projects/demo-project/topics/events
              ack-deadline: 90s
              dead-letter:
                topic: projects/demo-project/topics/events-dead-letter
                max-delivery-attempts: 7
            %s
            cassandra: { contact-points: [127.0.0.1:9042], local-datacenter: dc1, keyspace: fitness }
            mapping: { file: mapping.yaml }
            """
                .formatted(deadLetterExtra));
    return ConfigLoader.load(file, Map.of());
  }

  @Test
  void the_main_subscription_gets_ack_deadline_retry_and_dead_letter_policies() throws IOException {
    ProvisionPlan plan = ProvisionPlan.of(config(""));

    Subscription main = plan.subscription();
    assertThat(plan.topic()).isEqualTo("projects/demo-project/topics/events");
    assertThat(plan.topicRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(main.getName()).isEqualTo("projects/demo-project/subscriptions/events");
    assertThat(main.getTopic()).isEqualTo(plan.topic());
    assertThat(main.getAckDeadlineSeconds()).isEqualTo(90);
    assertThat(main.getDeadLetterPolicy().getDeadLetterTopic())
        .isEqualTo("projects/demo-project/topics/events-dead-letter");
    assertThat(main.getDeadLetterPolicy().getMaxDeliveryAttempts()).isEqualTo(7);
    assertThat(main.getRetryPolicy().getMinimumBackoff()).isEqualTo(Durations.fromSeconds(10));
    assertThat(main.getRetryPolicy().getMaximumBackoff()).isEqualTo(Durations.fromSeconds(600));
    assertThat(main.hasExpirationPolicy()).isTrue();
    assertThat(main.getExpirationPolicy().hasTtl()).as("never expires").isFalse();
    assertThat(plan.deadLetterSubscription()).isNull();
    assertThat(plan.auditSubscription()).isNull();
  }

  @Test
  void the_audit_subscription_reads_the_main_topic_and_retains_acked_messages_for_seeking()
      throws IOException {
    ProvisionPlan plan =
        ProvisionPlan.of(
            config("audit: { subscription: projects/demo-project/subscriptions/events-audit }"));

    Subscription audit = plan.auditSubscription();
    assertThat(audit.getName()).isEqualTo("projects/demo-project/subscriptions/events-audit");
    assertThat(audit.getTopic()).isEqualTo(plan.topic());
    assertThat(audit.getRetainAckedMessages()).isTrue();
    assertThat(audit.getMessageRetentionDuration()).isEqualTo(Durations.fromDays(1));
    assertThat(audit.hasDeadLetterPolicy()).isFalse();
    assertThat(audit.getExpirationPolicy().hasTtl()).isFalse();
  }

  @Test
  void the_dead_letter_subscription_keeps_messages_seven_days() throws IOException {
    ProvisionPlan plan =
        ProvisionPlan.of(
            config("    subscription: projects/demo-project/subscriptions/dead-letters"));

    Subscription deadLetters = plan.deadLetterSubscription();
    assertThat(deadLetters.getName()).isEqualTo("projects/demo-project/subscriptions/dead-letters");
    assertThat(deadLetters.getTopic()).isEqualTo(plan.deadLetterTopic());
    assertThat(deadLetters.getAckDeadlineSeconds()).isEqualTo(60);
    assertThat(deadLetters.getMessageRetentionDuration()).isEqualTo(Durations.fromDays(7));
    assertThat(deadLetters.hasDeadLetterPolicy()).isFalse();
    assertThat(deadLetters.getExpirationPolicy().hasTtl()).isFalse();
  }

  @Test
  void the_note_names_the_gcloud_grants_for_the_service_agent() {
    assertThat(
            String.join(
                "\n",
                ServiceAgentNote.lines(
                    "projects/app-prod/subscriptions/events",
                    "projects/app-prod/topics/events-dead-letter")))
        .contains(
            "gcloud pubsub topics add-iam-policy-binding events-dead-letter --project=app-prod"
                + " --member=serviceAccount:service-PROJECT_NUMBER@gcp-sa-pubsub.iam.gserviceaccount.com"
                + " --role=roles/pubsub.publisher")
        .contains("gcloud pubsub subscriptions add-iam-policy-binding events --project=app-prod")
        .contains("--role=roles/pubsub.subscriber")
        .contains("gcloud projects describe app-prod");
  }

  @Test
  void the_reconciled_topic_and_its_downstream_subscription_only_when_configured()
      throws IOException {
    ProvisionPlan off = ProvisionPlan.of(config(""));
    assertThat(off.reconciledTopic()).isNull();
    assertThat(off.reconciledSubscription()).isNull();

    ProvisionPlan on =
        ProvisionPlan.of(
            config(
                """
                  reconciled:
                    topic: projects/demo-project/topics/events-reconciled
                    subscription: projects/demo-project/subscriptions/indexer
                    ordering: true
                """));
    assertThat(on.reconciledTopic()).isEqualTo("projects/demo-project/topics/events-reconciled");
    Subscription downstream = on.reconciledSubscription();
    assertThat(downstream.getName()).isEqualTo("projects/demo-project/subscriptions/indexer");
    assertThat(downstream.getTopic()).isEqualTo(on.reconciledTopic());
    assertThat(downstream.getEnableMessageOrdering()).isTrue();
    assertThat(downstream.hasDeadLetterPolicy()).isFalse();
  }
}
