package io.lagline.reconciler.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.cli.CommonOptions;
import io.lagline.reconciler.cassandra.CassandraSessions;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import io.lagline.reconciler.schema.SchemaApplier;
import io.lagline.reconciler.schema.SchemaGenerator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reconciler schema}: prints, or applies, the CQL the mapping needs. Idempotent. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description =
        "Print the CQL DDL the mapping needs (keyspace, tables, version columns); --apply runs it.")
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--apply",
      description = "Execute the statements against ${bundle:CASSANDRA_CONTACT_POINTS}.")
  boolean apply;

  @Override
  public Integer call() {
    ReconcilerConfig loaded = ConfigLoader.load(common.config(), System.getenv());
    Mapping mapping = MappingLoader.load(loaded.mappingFile()).withHeartbeat();
    List<String> statements =
        SchemaGenerator.ddl(loaded.cassandra().keyspace(), loaded.schema().replication(), mapping);
    statements.forEach(s -> spec.commandLine().getOut().println(s + ";\n"));
    if (apply) {
      try (CqlSession session = CassandraSessions.open(loaded.cassandra(), null, false)) {
        int applied =
            SchemaApplier.apply(
                session,
                loaded.cassandra().keyspace(),
                loaded.schema().replication(),
                mapping,
                ran -> {
                  if (!statements.contains(ran)) {
                    spec.commandLine().getOut().println(ran + ";\n"); // an ALTER not printed above
                  }
                });
        spec.commandLine().getErr().println("applied " + applied + " statements");
      }
    }
    return 0;
  }
}
