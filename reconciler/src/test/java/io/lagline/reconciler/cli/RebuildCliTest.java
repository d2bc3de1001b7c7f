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

/** {@code reconciler rebuild}'s options, checked before anything connects. */
class RebuildCliTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ReconcilerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private String config() throws IOException {
    Files.writeString(dir.resolve("mapping.yaml"), TestMappings.DEVICES_YAML);
    return Files.writeString(
            dir.resolve("reconciler.yaml"),
            """
            pubsub:
              subscription: projects/demo-project/subscriptions/events
              topic: projects/demo-project/topics/events
              dead-letter: { topic: projects/demo-project/topics/events-dead-letter }
              emulator-host: 127.0.0.1:9
            cassandra:
              contact-points: [127.0.0.1:9]
              local-datacenter: dc1
              keyspace: fitness
            mapping:
              file: mapping.yaml
            """)
        .toString();
  }

  @Test
  void help_documents_every_option() {
    Result result = run("rebuild", "--help");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("--since=TIME|DURATION")
        .contains("--since-watermark")
        .contains("--snapshot=NAME")
        .contains("--until=TIME")
        .contains("--margin=DURATION")
        .contains("--tables=T")
        .contains("--keyspace=K")
        .contains("--dead-letter-poison")
        .contains("--metrics-port=PORT")
        .contains("--dry-run")
        .contains("--config")
        .contains("Exit codes: 0 done");
  }

  @Test
  void an_unparseable_time_names_the_option_and_the_forms() throws IOException {
    Result result = run("rebuild", "--config", config(), "--since", "yesterday");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("--since = 'yesterday'")
        .contains("RFC 3339")
        .doesNotContain("\tat ");
  }

  @Test
  void an_unknown_table_names_the_option_and_the_mapped_tables() throws IOException {
    Result result =
        run("rebuild", "--config", config(), "--since", "1h", "--tables", "device_stats");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("--tables = 'device_stats'")
        .contains("mapped tables: device_state, sync_history, lagline_heartbeats");
  }

  @Test
  void until_in_the_future_is_refused() throws IOException {
    Result result =
        run("rebuild", "--config", config(), "--since", "1h", "--until", "2999-01-01T00:00:00Z");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--until = '2999-01-01T00:00:00Z'").contains("not be later");
  }

  @Test
  void margin_goes_with_since_watermark_only() throws IOException {
    Result result = run("rebuild", "--config", config(), "--since", "1h", "--margin", "5m");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--margin = '5m'").contains("--since-watermark");
  }

  @Test
  void a_bad_keyspace_name_is_refused() throws IOException {
    Result result = run("rebuild", "--config", config(), "--since", "1h", "--keyspace", "Copy-1");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--keyspace = 'Copy-1'").contains("CQL identifier");
  }

  @Test
  void exactly_one_start_is_required() throws IOException {
    Result none = run("rebuild", "--config", config());
    Result two = run("rebuild", "--config", config(), "--since", "1h", "--since-watermark");

    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("--since");
    assertThat(two.code()).isEqualTo(2);
    assertThat(two.err()).contains("mutually exclusive");
  }
}
