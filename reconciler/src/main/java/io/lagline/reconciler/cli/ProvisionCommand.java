package io.lagline.reconciler.cli;

import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_DEAD_LETTER_SUBSCRIPTION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_SUBSCRIPTION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_TOPIC;

import io.lagline.cli.CommonOptions;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.provision.ProvisionPlan;
import io.lagline.reconciler.provision.Provisioner;
import io.lagline.reconciler.provision.ServiceAgentNote;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code reconciler provision}: creates the topics and subscriptions the configuration names, or
 * brings the main subscription's settings in line. Idempotent; prints one line per resource.
 */
@Command(
    name = "provision",
    mixinStandardHelpOptions = true,
    description = {
      "Create, idempotently, ${bundle:PUBSUB_TOPIC}, ${bundle:PUBSUB_DEAD_LETTER_TOPIC},"
          + " ${bundle:PUBSUB_SUBSCRIPTION} (ack deadline, retry policy, dead-letter policy),"
          + " ${bundle:PUBSUB_DEAD_LETTER_SUBSCRIPTION} and ${bundle:AUDIT_SUBSCRIPTION}"
          + " (retaining acked messages).",
      "An existing subscription whose settings differ is updated; one on another topic is an"
          + " error.",
      "The topic retains every message for ${bundle:PUBSUB_TOPIC_RETENTION}: an unset or shorter"
          + " retention is raised, a longer one kept."
    })
final class ProvisionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    ReconcilerConfig loaded = ConfigLoader.load(common.config(), System.getenv());
    CommandConfig.require(
        loaded.pubsub().topic(),
        PUBSUB_TOPIC,
        common.config(),
        "provision",
        "the topic to create and attach " + PUBSUB_SUBSCRIPTION.path() + " to");
    ProvisionPlan plan = ProvisionPlan.of(loaded);
    PrintWriter out = spec.commandLine().getOut();
    try (PubSubConnection connection = CommandConfig.connect(loaded.pubsub());
        Provisioner provisioner = Provisioner.open(connection)) {
      provisioner.apply(plan, step -> out.println(step.line()));
    }
    if (plan.deadLetterSubscription() == null) {
      out.println(
          "subscription (dead letters): skipped: "
              + PUBSUB_DEAD_LETTER_SUBSCRIPTION.path()
              + " is not set (`dlq list` and `dlq replay` need one)");
    }
    ServiceAgentNote.lines(plan.subscription().getName(), plan.deadLetterTopic())
        .forEach(out::println);
    return 0;
  }
}
