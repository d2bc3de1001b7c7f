package io.lagline.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.TestMappings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line without infrastructure: printing the schema, and every way config can be wrong.
 */
class ReconcilerCliTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ReconcilerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Path config(String mappingYaml) throws IOException {
    Files.writeString(dir.resolve("mapping.yaml"), mappingYaml);
    return Files.writeString(
        dir.resolve("reconciler.yaml"),
        """
        pubsub:
          subscription: projects/demo-project/subscriptions/events
          dead-letter: { topic: projects/demo-project/topics/events-dead-letter }
        cassandra:
          contact-points: [127.0.0.1:9042]
          local-datacenter: dc1
          keyspace: fitness
        mapping:
          file: mapping.yaml
        schema:
          replication: { class: SimpleStrategy, replication_factor: 1 }
        """);
  }

  @Test
  void schema_prints_the_ddl_without_connecting() throws IOException {
    Path config = config(TestMappings.DEVICES_YAML);

    Result result = run("schema", "--config", config.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains(
            "CREATE KEYSPACE IF NOT EXISTS fitness WITH replication = {'class': 'SimpleStrategy', 'replication_factor': '1'};")
        .contains("CREATE TABLE IF NOT EXISTS fitness.device_state")
        .contains("entity_version bigint");
  }

  @Test
  void a_bad_mapping_exits_2_naming_the_path_in_the_file() throws IOException {
    Path config =
        config(
            """
            events:
              - event-type: DeviceSynced
                schema-versions: [1]
                writes:
                  - table: device_state
                    mode: upsert
                    partition-key: [device_id]
                    columns:
                      device_id: { from: entity_key, type: txt }
            """);

    Result result = run("run", "--config", config.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("events[0].writes[0].mode")
        .contains("columns.device_id.type")
        .doesNotContain("\tat ");
  }

  @Test
  void a_missing_config_file_exits_2() {
    Result result = run("run", "--config", dir.resolve("nope.yaml").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("nope.yaml").contains("does not exist");
  }

  @Test
  void a_bad_config_key_exits_2_naming_key_value_and_rule_without_a_stack_trace()
      throws IOException {
    Path config = config(TestMappings.DEVICES_YAML);
    Files.writeString(config, Files.readString(config) + "admin:\n  port: 99999\n");

    Result result = run("schema", "--config", config.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: invalid configuration (1 problem):")
        .contains("admin.port = '99999' [" + config + "]: must be an integer from 0 to 65535")
        .doesNotContain("\tat ");
  }

  @Test
  void verbose_adds_the_stack_trace() {
    Result result = run("run", "--verbose", "--config", dir.resolve("nope.yaml").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: invalid configuration").contains("\tat ");
  }

  @Test
  void an_unknown_subcommand_is_a_usage_error() {
    Result result = run("frobnicate");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("frobnicate");
  }
}
