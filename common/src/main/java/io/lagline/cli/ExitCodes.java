package io.lagline.cli;

import io.lagline.config.ConfigException;
import io.lagline.contract.ContractException;
import io.lagline.error.LaglineException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ParameterException;

/**
 * The exit codes of every Lagline command line, and the one pure function that maps an error to its
 * code: the first row whose type the error is an instance of, {@link #INTERNAL} when none is.
 */
public final class ExitCodes {
  /** Everything was done. */
  public static final int OK = 0;

  /**
   * A failure while running or at start-up (unreachable service, missing resource, wrong
   * credentials), or not everything was done (rejected lines, divergent events, failed replays).
   */
  public static final int FAILURE = 1;

  /** The command line or the configuration is wrong; nothing was done. */
  public static final int USAGE = 2;

  /** A service cannot be used at all, so nothing more can be done (the producer's Pub/Sub). */
  public static final int UNAVAILABLE = 3;

  /** An unexpected error: a bug. */
  public static final int INTERNAL = 4;

  /** A second stop signal cut the drain short: 128 + SIGINT, as shells report it. */
  public static final int INTERRUPTED = 130;

  private final List<Row> rows;

  private ExitCodes(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Usage and configuration errors (a bad payload schema file included) are {@link #USAGE}, any
   * other Lagline error {@link #FAILURE}.
   */
  public static ExitCodes standard() {
    return new ExitCodes(
        List.of(
            new Row(ParameterException.class, USAGE),
            new Row(UsageException.class, USAGE),
            new Row(ConfigException.class, USAGE),
            new Row(ContractException.class, USAGE),
            new Row(LaglineException.class, FAILURE)));
  }

  /** These codes with {@code type} mapped to {@code code}, ahead of the other rows. */
  public ExitCodes with(Class<? extends Throwable> type, int code) {
    List<Row> more = new ArrayList<>();
    more.add(new Row(type, code));
    more.addAll(rows);
    return new ExitCodes(more);
  }

  /** The exit code for {@code error}. */
  public int of(Throwable error) {
    for (Row row : rows) {
      if (row.type().isInstance(error)) {
        return row.code();
      }
    }
    return INTERNAL;
  }

  /** The rows, most specific first. */
  public List<Row> rows() {
    return rows;
  }

  /** Errors of {@code type} (and its subtypes) exit with {@code code}. */
  public record Row(Class<? extends Throwable> type, int code) {}
}
