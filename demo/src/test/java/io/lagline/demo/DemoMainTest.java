package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Options refused before anything starts. */
class DemoMainTest {
  @ParameterizedTest
  @ValueSource(strings = {"-1", "1001"})
  void rejects_a_trickle_rate_out_of_range(String rate) {
    StringWriter err = new StringWriter();

    int code = execute(err, "--keep-running", "--trickle-rate", rate);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--trickle-rate must be 0 to 1000 events per second, was " + rate);
  }

  @Test
  void rejects_a_trickle_rate_without_keep_running() {
    StringWriter err = new StringWriter();

    int code = execute(err, "--trickle-rate", "5");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--trickle-rate needs --keep-running");
  }

  @Test
  void rejects_a_cassandra_cluster_other_than_one_or_three_nodes() {
    StringWriter err = new StringWriter();

    int code = execute(err, "--cassandra-nodes", "2");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--cassandra-nodes must be 1 or 3, was 2");
  }

  @Test
  void rejects_an_ingest_mode_other_than_library_or_http() {
    StringWriter err = new StringWriter();

    int code = execute(err, "--ingest", "grpc");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--ingest must be library or http, was grpc");
  }

  @Test
  void explains_keep_running_and_the_trickle_in_its_help() {
    StringWriter out = new StringWriter();

    int code =
        DemoMain.execute(
            new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(out, true));

    assertThat(code).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("--keep-running After converging")
        .contains("--trickle-rate=N With --keep-running: events per second")
        .contains("a Prometheus scraping them with the alert rules")
        .contains("until Ctrl-C or SIGTERM stops it all")
        .contains("--ingest=library|http How the workload is sent")
        .contains("(default: library)");
  }

  private static int execute(StringWriter err, String... args) {
    return DemoMain.execute(
        args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
  }
}
