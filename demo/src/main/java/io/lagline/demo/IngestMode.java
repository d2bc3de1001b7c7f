package io.lagline.demo;

import java.util.Locale;

/** How the demo sends its workload ({@code --ingest}). */
enum IngestMode {
  /** Published with the producer library, in this process. */
  LIBRARY,
  /** {@code POST}ed to the ingest service ({@code producer serve}), run in this process. */
  HTTP;

  /** The option's values, as typed. */
  static final String CHOICES = "library or http";

  /** The mode named {@code value} ({@code library} or {@code http}, any case); null for another. */
  static IngestMode parse(String value) {
    for (IngestMode mode : values()) {
      if (mode.name().equalsIgnoreCase(value)) {
        return mode;
      }
    }
    return null;
  }

  /** The name as typed on the command line. */
  String option() {
    return name().toLowerCase(Locale.ROOT);
  }
}
