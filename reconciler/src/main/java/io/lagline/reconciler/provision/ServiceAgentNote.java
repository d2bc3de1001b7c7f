package io.lagline.reconciler.provision;

import java.util.List;

/**
 * The grants Pub/Sub's service agent needs on Google Cloud to forward dead letters, which {@code
 * provision} cannot make: publisher on the dead-letter topic and subscriber on the subscription.
 */
public final class ServiceAgentNote {
  private ServiceAgentNote() {}

  /** The note, one line each, with the {@code gcloud} commands for these resources. */
  public static List<String> lines(String subscription, String deadLetterTopic) {
    String project = subscription.split("/")[1];
    String member = "serviceAccount:service-PROJECT_NUMBER@gcp-sa-pubsub.iam.gserviceaccount.com";
    return List.of(
        "note: on Google Cloud, Pub/Sub's service agent forwards messages to the dead-letter topic"
            + " and needs two grants provision cannot make (the emulator needs none):",
        "  gcloud pubsub topics add-iam-policy-binding "
            + id(deadLetterTopic)
            + " --project="
            + project(deadLetterTopic)
            + " --member="
            + member
            + " --role=roles/pubsub.publisher",
        "  gcloud pubsub subscriptions add-iam-policy-binding "
            + id(subscription)
            + " --project="
            + project
            + " --member="
            + member
            + " --role=roles/pubsub.subscriber",
        "  (PROJECT_NUMBER: gcloud projects describe "
            + project
            + " --format='value(projectNumber)')");
  }

  private static String project(String name) {
    return name.split("/")[1];
  }

  private static String id(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
