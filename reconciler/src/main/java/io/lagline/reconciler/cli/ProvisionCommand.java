package io.lagline.reconciler.cli;

import io.lagline.cli.CommonOptions;
import io.lagline.producer.publish.PubSubConnection;
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
      "Create, idempotently, pubsub.topic, pubsub.dead-letter.topic, pubsub.subscription (ack"
          + " deadline, retry policy, dead-letter policy), pubsub.dead-letter.subscription and"
          + " audit.subscription (retaining acked messages).",
      "An existing subscription whose settings differ is updated; one on another topic is an"
          + " error."
    })
final class ProvisionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    ReconcilerConfig loaded = ConfigLoader.load(common.config(), System.getenv());
    CommandConfig.require(
        loaded.pubsub().topic(),
        "pubsub.topic",
        common.config(),
        "provision",
        "the topic to create and attach pubsub.subscription to");
    ProvisionPlan plan = ProvisionPlan.of(loaded);
    PrintWriter out = spec.commandLine().getOut();
    try (PubSubConnection connection = CommandConfig.connect(loaded.pubsub());
        Provisioner provisioner = Provisioner.open(connection)) {
      provisioner.apply(plan, step -> out.println(step.line()));
    }
    if (plan.deadLetterSubscription() == null) {
      out.println(
          "subscription (dead letters): skipped: pubsub.dead-letter.subscription is not set"
              + " (`dlq list` and `dlq replay` need one)");
    }
    ServiceAgentNote.lines(plan.subscription().getName(), plan.deadLetterTopic())
        .forEach(out::println);
    return 0;
  }
}
