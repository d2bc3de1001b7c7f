package io.lagline.producer.publish;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pub/Sub topic's full name, {@code projects/{project}/topics/{topic}}.
 *
 * @param project the project id, e.g. {@code demo-project}
 * @param topic the topic id within the project, e.g. {@code lagline-events}
 */
public record TopicPath(String project, String topic) {
  private static final Pattern PATH = Pattern.compile("projects/([^/]+)/topics/([^/]+)");
  // project ids are 6 to 30 lowercase letters, digits or hyphens; legacy ones carry a domain
  // ("example.com:p")
  private static final Pattern PROJECT =
      Pattern.compile("([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}");

  /** Checks both ids. */
  public TopicPath {
    if (project == null || !PROJECT.matcher(project).matches()) {
      throw new IllegalArgumentException(
          "project id '"
              + project
              + "' must be 6 to 30 lowercase letters, digits or hyphens, starting with a letter");
    }
    if (topic == null || !TOPIC.matcher(topic).matches() || topic.startsWith("goog")) {
      throw new IllegalArgumentException(
          "topic id '"
              + topic
              + "' must be 3 to 255 letters, digits or - _ . ~ + %, start with a letter and not with 'goog'");
    }
  }

  /**
   * Parses {@code projects/{project}/topics/{topic}}.
   *
   * @throws IllegalArgumentException naming the expected form when {@code path} is not a topic name
   */
  public static TopicPath parse(String path) {
    Matcher matcher = PATH.matcher(path == null ? "" : path.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "topic '"
              + path
              + "' must have the form projects/{project}/topics/{topic}, e.g. "
              + "projects/demo-project/topics/lagline-events");
    }
    return new TopicPath(matcher.group(1), matcher.group(2));
  }

  /** The full name, {@code projects/{project}/topics/{topic}}. */
  @Override
  public String toString() {
    return "projects/" + project + "/topics/" + topic;
  }
}
