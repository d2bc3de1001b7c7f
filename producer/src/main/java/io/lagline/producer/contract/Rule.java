package io.lagline.producer.contract;

/**
 * The rules a change of the contracts must keep (docs/CONTRACT.md, "Changing a contract"), each
 * with the id a problem line names.
 */
public enum Rule {
  /** A version that exists at the ref compared against changed other than cosmetically. */
  PUBLISHED_VERSION_CHANGED("published-version-changed"),
  /** A version that exists at the ref compared against is gone. */
  PUBLISHED_VERSION_REMOVED("published-version-removed"),
  /** The versions of a type are not 1, 2, ... N without a hole. */
  VERSION_GAP("version-gap"),
  /** A new version drops a property the previous version defined. */
  NO_REMOVED_FIELD("no-removed-field"),
  /** A new version changes a property's type (other than integer to number). */
  NO_RETYPED_FIELD("no-retyped-field"),
  /** A new version requires a property the previous one did not, and gives it no default. */
  NO_NEW_REQUIRED_FIELD("no-new-required-field"),
  /** A new version allows fewer values of an enum, or adds an enum where any value was allowed. */
  NO_NARROWED_ENUM("no-narrowed-enum"),
  /** A new version sets additionalProperties (or unevaluatedProperties) to false. */
  NO_CLOSED_OBJECT("no-closed-object");

  private final String id;

  Rule(String id) {
    this.id = id;
  }

  /** The id problem lines and the documentation use, e.g. {@code no-retyped-field}. */
  public String id() {
    return id;
  }
}
