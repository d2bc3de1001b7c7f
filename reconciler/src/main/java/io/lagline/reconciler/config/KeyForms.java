package io.lagline.reconciler.config;

import java.util.regex.Pattern;

/** The forms the reconciler's text keys must have: full Pub/Sub names, addresses, identifiers. */
final class KeyForms {
  private static final String PROJECT = "projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/";
  private static final String ID = "[A-Za-z][A-Za-z0-9._~+%-]{2,254}";

  static final Pattern SUBSCRIPTION = Pattern.compile(PROJECT + "subscriptions/" + ID);
  static final String SUBSCRIPTION_FORM =
      "a full name: projects/{project-id}/subscriptions/{subscription-id}";

  static final Pattern TOPIC = Pattern.compile(PROJECT + "topics/" + ID);
  static final String TOPIC_FORM = "a full name: projects/{project-id}/topics/{topic-id}";

  static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9.:_-]+]?:\\d{1,5}");

  static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private KeyForms() {}
}
