package io.lagline.producer.cli;

import io.lagline.cli.ExitCodes;

/**
 * What one {@code publish} run did.
 *
 * @param published events Pub/Sub confirmed
 * @param rejected lines not published because they are not valid events (or not JSON)
 * @param failed events Pub/Sub did not confirm
 * @param fatal whether a failure showed Pub/Sub unusable (topic not found, access denied), which
 *     stops the run
 */
record PublishSummary(long published, long rejected, long failed, boolean fatal) {

  /** The one-line summary printed on stdout. */
  String line() {
    return "published=" + published + " rejected=" + rejected + " failed=" + failed;
  }

  /**
   * {@link ExitCodes#OK} only when every line was published; {@link ExitCodes#UNAVAILABLE} when
   * Pub/Sub proved unusable, else {@link ExitCodes#FAILURE}.
   */
  int exitCode() {
    if (fatal) {
      return ExitCodes.UNAVAILABLE;
    }
    return rejected == 0 && failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
