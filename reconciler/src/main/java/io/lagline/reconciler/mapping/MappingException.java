package io.lagline.reconciler.mapping;

import io.lagline.error.LaglineException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An event the mapping cannot turn into rows: a permanent failure for that event (poison), never
 * retried. Carries every problem of the event at once; {@link #reason()}, {@link #field()} and
 * {@link #detail()} are those of the first.
 */
public final class MappingException extends LaglineException {
  private static final long serialVersionUID = 1L;

  /** The event's type has no mapping. */
  public static final String UNKNOWN_EVENT_TYPE = "unknown_event_type";

  /** The event's schema version is not among the mapping's accepted versions. */
  public static final String UNSUPPORTED_SCHEMA_VERSION = "unsupported_schema_version";

  /** A required value is absent or JSON null. */
  public static final String MISSING_FIELD = "missing_field";

  /** A value cannot be converted to its column's CQL type. */
  public static final String INVALID_VALUE = "invalid_value";

  /**
   * One reason an event cannot be mapped.
   *
   * @param reason a stable code: one of the constants of {@link MappingException}
   * @param field where the value comes from, e.g. {@code payload.steps}, {@code event_type}
   * @param detail what is wrong, in words an operator can act on
   */
  public record Problem(String reason, String field, String detail) {
    public Problem {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return reason + " " + field + ": " + detail;
    }
  }

  private final String eventId;
  private final transient List<Problem> problems;

  /** One problem, not tied to an event (e.g. a conversion on its own). */
  public MappingException(String reason, String field, String detail) {
    this(null, List.of(new Problem(reason, field, detail)));
  }

  /**
   * Every problem of one event.
   *
   * @param eventId the event's id, or null when converting a value outside an event
   * @param problems at least one
   */
  public MappingException(String eventId, List<Problem> problems) {
    super(describe(eventId, problems));
    this.eventId = eventId;
    this.problems = List.copyOf(problems);
  }

  /** The id of the event that cannot be mapped, or null when there is no event. */
  public String eventId() {
    return eventId;
  }

  /** Every problem, in the order found; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  /** The stable code of the first problem, e.g. {@value #MISSING_FIELD}. */
  public String reason() {
    return problems.get(0).reason();
  }

  /** The source field of the first problem, e.g. {@code payload.steps}. */
  public String field() {
    return problems.get(0).field();
  }

  /** What is wrong with the first problem. */
  public String detail() {
    return problems.get(0).detail();
  }

  private static String describe(String eventId, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a MappingException needs at least one problem");
    }
    String subject = eventId == null ? "value" : "event " + eventId;
    if (problems.size() == 1) {
      return "cannot map " + subject + ": " + problems.get(0);
    }
    return "cannot map "
        + subject
        + " ("
        + problems.size()
        + " problems): "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
  }
}
