package io.lagline.pubsub.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pub/Sub snapshot's name: its project and its id, {@code projects/P/snapshots/ID}. The id
 * follows Pub/Sub's resource-id rule, {@link #ID_RULE}.
 *
 * @param project the project id
 * @param id the snapshot id within the project
 */
public record SnapshotName(String project, String id) {
  /** What a snapshot id must be, as Pub/Sub requires. */
  public static final String ID_RULE =
      "must be 3 to 255 characters, start with a letter, contain only letters, digits and - _ . ~"
          + " + %, and not start with goog";

  /** What a snapshot name given in full must look like. */
  public static final String FULL_NAME_RULE =
      "must be a snapshot id or a full name, projects/{project}/snapshots/{id}";

  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9._~+%-]{2,254}");
  private static final Pattern FULL = Pattern.compile("projects/([^/]+)/snapshots/([^/]+)");

  /**
   * @throws IllegalArgumentException with {@link #ID_RULE} when {@code id} breaks it
   */
  public SnapshotName {
    if (!validId(id)) {
      throw new IllegalArgumentException(ID_RULE);
    }
  }

  /**
   * A short id, taken to be in {@code project}, or a full {@code projects/P/snapshots/ID} name.
   *
   * @throws IllegalArgumentException whose message is the rule broken ({@link #ID_RULE} or {@link
   *     #FULL_NAME_RULE}), to be shown after the text
   */
  public static SnapshotName parse(String text, String project) {
    Matcher full = FULL.matcher(text);
    if (full.matches()) {
      return new SnapshotName(full.group(1), full.group(2));
    }
    if (text.contains("/")) {
      throw new IllegalArgumentException(FULL_NAME_RULE);
    }
    return new SnapshotName(project, text);
  }

  /** Whether {@code id} is a valid snapshot id. */
  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches() && !id.startsWith("goog");
  }

  /** The full name, {@code projects/P/snapshots/ID}. */
  public String fullName() {
    return "projects/" + project + "/snapshots/" + id;
  }

  @Override
  public String toString() {
    return fullName();
  }
}
