package io.lagline.reconciler.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.config.Durations;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.SnapshotName;
import io.lagline.pubsub.admin.Snapshots;
import io.lagline.pubsub.admin.TopicRetention;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.config.ReconcilerKey;
import io.lagline.reconciler.mapping.CqlIdentifiers;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.rebuild.RebuildPlan;
import io.lagline.reconciler.rebuild.RebuildTimes;
import io.lagline.reconciler.rebuild.Watermark;
import io.lagline.reconciler.schema.SchemaApplier;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code reconciler rebuild}, checked against the configuration, the mapping, the
 * topic's retention and (for {@code --since-watermark}) the heartbeats in Cassandra, and turned
 * into a {@link RebuildPlan}. Each bad option fails with one line naming it and its limit (exit 2).
 */
record RebuildOptions(
    String since,
    boolean sinceWatermark,
    String snapshot,
    String until,
    String margin,
    List<String> tables,
    String keyspace,
    boolean deadLetterPoison,
    int metricsPort) {
  /** Default of {@code --margin}. */
  static final Duration DEFAULT_MARGIN = Duration.ofMinutes(10);

  static final String DEFAULT_MARGIN_TEXT = "10m";

  RebuildPlan plan(ReconcilerConfig config, Instant now) {
    Instant end = until == null ? now : time("--until", until, now);
    if (end.isAfter(now)) {
      throw problem("--until", until, "must not be later than now (" + now + ")");
    }
    if (margin != null && !sinceWatermark) {
      throw problem("--margin", margin, "goes with --since-watermark only");
    }
    Duration watermarkMargin = margin == null ? DEFAULT_MARGIN : duration("--margin", margin);
    if (metricsPort < 0 || metricsPort > 65535) {
      throw problem("--metrics-port", Integer.toString(metricsPort), "must be in 0..65535");
    }
    Mapping full = MappingLoader.load(config.mappingFile()).withHeartbeat();
    Set<String> only = tables == null ? Set.of() : new LinkedHashSet<>(tables);
    Mapping mapping;
    try {
      mapping = only.isEmpty() ? full : full.only(only);
    } catch (IllegalArgumentException e) {
      throw problem("--tables", String.join(",", only), e.getMessage());
    }
    if (keyspace != null && CqlIdentifiers.problem(keyspace) != null) {
      throw problem("--keyspace", keyspace, CqlIdentifiers.problem(keyspace));
    }
    String target = keyspace == null ? config.cassandra().keyspace() : keyspace;
    Instant start = now;
    String snapshotName = null;
    if (snapshot != null) {
      snapshotName = snapshotName(config, snapshot);
    } else {
      start = sinceWatermark ? watermark(config, watermarkMargin) : time("--since", since, now);
      String option = sinceWatermark ? "--since-watermark" : "--since";
      String value = sinceWatermark ? start.toString() : since;
      if (!start.isBefore(end)) {
        throw problem(option, value, "must be before --until (" + end + ")");
      }
      checkRetention(config, option, value, start, now);
    }
    return new RebuildPlan(
        start,
        snapshotName,
        end,
        only,
        mapping.typesWithoutWrites(),
        target,
        keyspace != null,
        deadLetterPoison,
        "projects/"
            + config.pubsub().projectId()
            + "/subscriptions/"
            + config.pubsub().subscriptionId()
            + "-rebuild",
        config.pubsub().topic(),
        metricsPort);
  }

  /** With {@code --keyspace}: creates the keyspace and the mapping's tables if missing. */
  void prepareKeyspace(ReconcilerConfig config, RebuildPlan plan) {
    if (!plan.createKeyspace()) {
      return;
    }
    try (CqlSession session = CassandraSessions.open(config.cassandra(), null, false)) {
      SchemaApplier.apply(
          session,
          plan.keyspace(),
          config.schema().replication(),
          MappingLoader.load(config.mappingFile()),
          ran -> {});
    }
  }

  private static String snapshotName(ReconcilerConfig config, String name) {
    SnapshotName snapshot;
    try {
      snapshot = SnapshotName.parse(name, config.pubsub().projectId());
    } catch (IllegalArgumentException e) {
      throw problem("--snapshot", name, e.getMessage());
    }
    List<Snapshots.Listed> listed;
    try (PubSubConnection connection = CommandConfig.connect(config.pubsub());
        Snapshots snapshots = Snapshots.open(connection)) {
      listed = snapshots.list(snapshot.project());
    }
    Snapshots.Listed found =
        listed.stream()
            .filter(s -> s.name().equals(snapshot.fullName()))
            .findFirst()
            .orElseThrow(
                () ->
                    problem(
                        "--snapshot",
                        name,
                        "is not a snapshot of project "
                            + snapshot.project()
                            + " (`reconciler snapshot list` shows them; Pub/Sub deletes one 7 days"
                            + " after it was taken at the latest)"));
    if (!found.topic().equals(config.pubsub().topic())) {
      throw problem(
          "--snapshot",
          name,
          "is a snapshot of "
              + found.topic()
              + ", not of "
              + config.pubsub().topic()
              + " (pubsub.topic)");
    }
    return snapshot.fullName();
  }

  private static Instant watermark(ReconcilerConfig config, Duration margin) {
    String keyspace = config.cassandra().keyspace();
    List<Watermark.Beat> beats;
    try (CqlSession session = CassandraSessions.open(config.cassandra(), null, false)) {
      beats = Watermark.read(session, keyspace);
    }
    Instant now = Instant.now();
    Watermark.freshest(beats, now)
        .ifPresent(
            fresh -> {
              throw problem(
                  "--since-watermark",
                  keyspace + ".lagline_heartbeats",
                  "has a heartbeat from "
                      + fresh.emitted()
                      + ", "
                      + Duration.between(fresh.emitted(), now).toSeconds()
                      + " s ago: a reconciler is writing heartbeats again, so the table no longer"
                      + " shows where the restored data had got to (stop the reconcilers before"
                      + " the restore and until the rebuild has printed its start, or give"
                      + " --since)");
            });
    return Watermark.start(beats, config.watermark().forgetAfter(), margin)
        .orElseThrow(
            () ->
                problem(
                    "--since-watermark",
                    keyspace + ".lagline_heartbeats",
                    "holds no heartbeat (producers publish them every 10 s; give --since instead)"));
  }

  private static void checkRetention(
      ReconcilerConfig config, String option, String value, Instant start, Instant now) {
    Optional<Duration> retention = retention(config);
    Instant oldest = now.minus(retention.orElse(Duration.ZERO));
    if (start.isBefore(oldest)) {
      throw problem(
          option,
          value,
          retention.isEmpty()
              ? "is before the topic was asked to keep anything: "
                  + config.pubsub().topic()
                  + " has no message retention (set "
                  + ReconcilerKey.PUBSUB_TOPIC_RETENTION.path()
                  + ", then `reconciler provision`)"
              : "is older than the topic keeps messages: "
                  + Durations.format(retention.get())
                  + " of retention on "
                  + config.pubsub().topic()
                  + ", so the oldest replayable time is "
                  + oldest
                  + " ("
                  + ReconcilerKey.PUBSUB_TOPIC_RETENTION.path()
                  + ", at most 31d, keeps messages from when it is set)");
    }
  }

  private static Optional<Duration> retention(ReconcilerConfig config) {
    try (PubSubConnection connection = CommandConfig.connect(config.pubsub())) {
      return TopicRetention.of(connection, config.pubsub().topic());
    }
  }

  private static Instant time(String option, String text, Instant now) {
    return RebuildTimes.parse(text, now)
        .orElseThrow(() -> problem(option, text, RebuildTimes.FORM));
  }

  private static Duration duration(String option, String text) {
    return Durations.parse(text)
        .filter(d -> !d.isNegative())
        .orElseThrow(() -> problem(option, text, "must be a duration such as 10m or 1h"));
  }

  private static ConfigException problem(String option, String value, String rule) {
    return new ConfigException(List.of(new ConfigProblem(option, value, rule, "command line")));
  }
}
