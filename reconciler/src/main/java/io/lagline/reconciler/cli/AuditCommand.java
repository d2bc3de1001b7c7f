package io.lagline.reconciler.cli;

import static io.lagline.reconciler.config.ReconcilerKey.AUDIT_SUBSCRIPTION;
import static io.lagline.reconciler.config.ReconcilerKey.PUBSUB_TOPIC;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.lagline.cli.CommonOptions;
import io.lagline.cli.ExitCodes;
import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.config.Durations;
import io.lagline.pubsub.PubSubConnection;
import io.lagline.pubsub.admin.PubSubChecks;
import io.lagline.reconciler.audit.CassandraRowReader;
import io.lagline.reconciler.audit.EventAuditor;
import io.lagline.reconciler.audit.OneShotAudit;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reconciler audit --since DURATION}: a one-shot report of the convergence check over the
 * events published in the window. Exit 0 when every checked event is reflected, 1 when some diverge
 * (or on a failure), 2 on bad configuration or options.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Check that Cassandra reflects the events published in the last --since: seeks"
          + " ${bundle:AUDIT_SUBSCRIPTION} back, reads every event published since, and checks"
          + " each sampled one older than ${bundle:AUDIT_GRACE_PERIOD}.",
      "Exit codes: 0 none divergent, 1 divergent events (listed) or a failure, 2 bad configuration."
    })
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--since",
      required = true,
      paramLabel = "DURATION",
      description = "How far back to look, e.g. 15m, 2h.")
  String since;

  @Option(
      names = "--sample-rate",
      paramLabel = "R",
      defaultValue = "1.0",
      description = "Share of the events to check, in (0, 1] (${DEFAULT-VALUE}).")
  double sampleRate;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Events checked at most (${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    ReconcilerConfig loaded = ConfigLoader.load(common.config(), System.getenv());
    Duration window = options();
    String subscription =
        CommandConfig.require(
            loaded.audit().subscription(),
            AUDIT_SUBSCRIPTION,
            common.config(),
            "audit",
            "the auditor's subscription on " + PUBSUB_TOPIC.path() + ", sought back to --since");
    Mapping mapping = MappingLoader.load(loaded.mappingFile()).withHeartbeat();
    try (PubSubConnection connection = CommandConfig.connect(loaded.pubsub());
        CqlSession session = CassandraSessions.open(loaded.cassandra(), null)) {
      PubSubChecks.subscriptionExists(connection, subscription, AUDIT_SUBSCRIPTION);
      CassandraRowReader reader =
          CassandraRowReader.prepare(
              session,
              loaded.cassandra().keyspace(),
              mapping,
              DefaultConsistencyLevel.valueOf(loaded.cassandra().serialConsistency().name()));
      OneShotAudit audit =
          new OneShotAudit(
              new EventAuditor(mapping, reader, OneShotAudit.unexportedMetrics()),
              Clock.systemUTC());
      OneShotAudit.Report report =
          audit.run(
              connection, subscription, window, loaded.audit().gracePeriod(), sampleRate, limit);
      report.lines().forEach(spec.commandLine().getOut()::println);
      return report.divergent().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  private Duration options() {
    Duration window = Durations.parse(since).orElse(null);
    if (window == null || window.isZero() || window.isNegative()) {
      throw problem("--since", since, "must be a positive duration such as 15m or 2h");
    }
    if (!(sampleRate > 0 && sampleRate <= 1)) {
      throw problem("--sample-rate", Double.toString(sampleRate), "must be in (0, 1]");
    }
    if (limit < 1) {
      throw problem("--limit", Integer.toString(limit), "must be at least 1");
    }
    return window;
  }

  private static ConfigException problem(String option, String value, String rule) {
    return new ConfigException(List.of(new ConfigProblem(option, value, rule, "command line")));
  }
}
