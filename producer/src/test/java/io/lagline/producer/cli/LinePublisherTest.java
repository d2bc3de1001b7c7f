package io.lagline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.cli.ExitCodes;
import io.lagline.producer.publish.PublishFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LinePublisherTest {
  private final FakeEventPublisher publisher = new FakeEventPublisher();
  private final StringWriter err = new StringWriter();

  @Test
  void publishes_every_valid_line() throws IOException {
    PublishSummary summary = run(good("device-1", 1), good("device-2", 1), good("device-1", 2));

    assertThat(summary).isEqualTo(new PublishSummary(3, 0, 0, false));
    assertThat(summary.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(publisher.published)
        .extracting(e -> e.entityKey())
        .containsExactly("device-1", "device-2", "device-1");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void reports_each_bad_line_with_its_number_and_every_violation() throws IOException {
    PublishSummary summary =
        run(
            good("device-1", 1),
            "{\"event_type\":\"DeviceSynced\",\"schema_version\":0,\"entity_key\":\"d\",\"entity_version\":-1,"
                + "\"payload\":{}}",
            good("device-3", 1),
            "{\"entity_key\":\"d\",\"entity_version\":1,\"payload\":[]}");

    assertThat(summary).isEqualTo(new PublishSummary(2, 2, 0, false));
    assertThat(summary.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString().lines())
        .containsExactly(
            "line 2: schema_version: must be a positive integer, was '0'; "
                + "entity_version: must be a positive 64-bit integer in digits only, was '-1'",
            "line 4: event_type: is required; schema_version: is required; payload: must be a JSON object, was array");
  }

  @Test
  void skips_blank_lines_but_counts_them_in_line_numbers() throws IOException {
    PublishSummary summary = run("", "   ", good("device-1", 1), "", "{}");

    assertThat(summary).isEqualTo(new PublishSummary(1, 1, 0, false));
    assertThat(err.toString()).startsWith("line 5: event_type: is required;");
  }

  @Test
  void reports_a_line_that_is_not_one_json_object() throws IOException {
    PublishSummary summary =
        run("not json", good("device-1", 1) + " " + good("device-2", 1), "[1]");

    assertThat(summary).isEqualTo(new PublishSummary(0, 3, 0, false));
    assertThat(err.toString().lines())
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .startsWith(
                        "line 1: $: must be one JSON object per line: Unrecognized token 'not'"),
            l ->
                assertThat(l)
                    .startsWith("line 2: $: must be one JSON object per line: Trailing token"),
            l -> assertThat(l).isEqualTo("line 3: $: must be a JSON object, was array"));
  }

  @Test
  void publishes_the_valid_lines_without_waiting_for_each_confirmation() throws IOException {
    PublishSummary summary = run(good("a-1", 1), good("a-2", 1), good("a-3", 1), good("a-4", 1));

    // the fake answers only when closed: every line was handed over before any answer
    assertThat(publisher.publishedBeforeClose).isEqualTo(4);
    assertThat(summary.published()).isEqualTo(4);
  }

  @Test
  void reports_each_failed_publish_with_its_line_and_counts_it() throws IOException {
    publisher.failures = e -> e.entityKey().equals("device-2") ? PublishFailure.TIMED_OUT : null;

    PublishSummary summary = run(good("device-1", 1), good("device-2", 1), good("device-3", 1));

    assertThat(summary).isEqualTo(new PublishSummary(2, 0, 1, false));
    assertThat(summary.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString())
        .startsWith("line 2: not published: publish of event ")
        .contains("failed (TIMED_OUT)");
  }

  @Test
  void stops_reading_after_a_fatal_failure_and_says_how_to_fix_it_once() throws IOException {
    publisher.answerAtOnce = true;
    publisher.failures = e -> PublishFailure.TOPIC_NOT_FOUND;

    PublishSummary summary = run(good("device-1", 1), good("device-2", 1), good("device-3", 1));

    assertThat(summary).isEqualTo(new PublishSummary(0, 0, 1, true));
    assertThat(summary.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(publisher.published).hasSize(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "line 1: not published (TOPIC_NOT_FOUND)",
            "error: topic projects/demo-project/topics/events does not exist: create it (gcloud pubsub topics create"
                + " events --project=demo-project) or fix the topic name",
            "stopped before line 2: it and the lines after it were not published");
  }

  @Test
  void closes_the_publisher_so_every_publish_is_answered() throws IOException {
    run(good("device-1", 1));

    assertThat(publisher.unanswered).isEmpty();
    assertThat(publisher.publishedBeforeClose).isEqualTo(1);
  }

  @Test
  void the_summary_line_has_every_count() {
    assertThat(new PublishSummary(5, 2, 1, false).line())
        .isEqualTo("published=5 rejected=2 failed=1");
  }

  private PublishSummary run(String... lines) throws IOException {
    LinePublisher linePublisher = new LinePublisher(publisher, new PrintWriter(err, true));
    return linePublisher.run(new BufferedReader(new StringReader(String.join("\n", lines))));
  }

  private static String good(String entityKey, long version) {
    return "{\"event_type\":\"DeviceSynced\",\"schema_version\":1,\"entity_key\":\""
        + entityKey
        + "\",\"entity_version\":"
        + version
        + ",\"payload\":{\"v\":"
        + version
        + "}}";
  }
}
