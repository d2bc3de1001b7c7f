package io.lagline.producer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.producer.publish.PublishFailure;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureStatusTest {
  @ParameterizedTest(name = "{0} -> {1} {2}, retry after {3}s")
  @CsvSource({
    "FLOW_CONTROL,      429, publisher_full,       1",
    "UNAVAILABLE,       503, pubsub_unavailable,   5",
    "TIMED_OUT,         503, pubsub_timed_out,     5",
    "SHUT_DOWN,         503, shutting_down,        5",
    "TOPIC_NOT_FOUND,   503, pubsub_misconfigured, 30",
    "PERMISSION_DENIED, 503, pubsub_misconfigured, 30",
    "UNAUTHENTICATED,   503, pubsub_misconfigured, 30",
    "INVALID_MESSAGE,   400, rejected_by_pubsub,   ",
    "OTHER,             500, publish_failed,       ",
  })
  void each_failure_has_one_status(
      PublishFailure failure, int status, String error, Integer retryAfterSeconds) {
    FailureStatus mapped = FailureStatus.of(failure);

    assertThat(mapped.status()).isEqualTo(status);
    assertThat(mapped.error()).isEqualTo(error);
    assertThat(mapped.retryAfter().map(d -> (int) d.toSeconds()).orElse(null))
        .isEqualTo(retryAfterSeconds);
  }

  @org.junit.jupiter.api.Test
  void no_failure_is_ever_2xx() {
    assertThat(Arrays.stream(PublishFailure.values()).map(FailureStatus::of))
        .allMatch(s -> s.status() >= 400);
  }
}
