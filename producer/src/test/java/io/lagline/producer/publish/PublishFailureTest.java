package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.batching.FlowController;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublishFailureTest {
  private static final TopicPath TOPIC = TopicPath.parse("projects/demo-project/topics/events");

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(api(Status.Code.NOT_FOUND), PublishFailure.TOPIC_NOT_FOUND),
        Arguments.of(api(Status.Code.PERMISSION_DENIED), PublishFailure.PERMISSION_DENIED),
        Arguments.of(api(Status.Code.UNAUTHENTICATED), PublishFailure.UNAUTHENTICATED),
        Arguments.of(api(Status.Code.UNAVAILABLE), PublishFailure.UNAVAILABLE),
        Arguments.of(api(Status.Code.DEADLINE_EXCEEDED), PublishFailure.TIMED_OUT),
        Arguments.of(api(Status.Code.INVALID_ARGUMENT), PublishFailure.INVALID_MESSAGE),
        Arguments.of(api(Status.Code.CANCELLED), PublishFailure.SHUT_DOWN),
        Arguments.of(api(Status.Code.RESOURCE_EXHAUSTED), PublishFailure.OTHER),
        Arguments.of(api(Status.Code.INTERNAL), PublishFailure.OTHER),
        Arguments.of(Status.NOT_FOUND.asRuntimeException(), PublishFailure.TOPIC_NOT_FOUND),
        Arguments.of(Status.UNAVAILABLE.asException(), PublishFailure.UNAVAILABLE),
        Arguments.of(
            new FlowController.MaxOutstandingElementCountReachedException(10),
            PublishFailure.FLOW_CONTROL),
        Arguments.of(
            new CompletionException(api(Status.Code.NOT_FOUND)), PublishFailure.TOPIC_NOT_FOUND),
        Arguments.of(
            new ExecutionException(api(Status.Code.PERMISSION_DENIED)),
            PublishFailure.PERMISSION_DENIED),
        Arguments.of(
            new PublishFailedException("e1", "k1", TOPIC, PublishFailure.TIMED_OUT, null),
            PublishFailure.TIMED_OUT),
        Arguments.of(new IllegalStateException("boom"), PublishFailure.OTHER),
        Arguments.of(null, PublishFailure.OTHER));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void classifies_the_client_failure(Throwable failure, PublishFailure expected) {
    assertThat(PublishFailure.classify(failure)).isEqualTo(expected);
  }

  @Test
  void only_failures_that_every_later_publish_would_repeat_are_fatal() {
    assertThat(Stream.of(PublishFailure.values()).filter(PublishFailure::fatal))
        .containsExactly(
            PublishFailure.TOPIC_NOT_FOUND,
            PublishFailure.PERMISSION_DENIED,
            PublishFailure.UNAUTHENTICATED);
  }

  @Test
  void topic_not_found_says_how_to_create_the_topic() {
    assertThat(PublishFailure.TOPIC_NOT_FOUND.hint(TOPIC))
        .contains("projects/demo-project/topics/events does not exist")
        .contains("gcloud pubsub topics create events --project=demo-project");
  }

  @Test
  void the_exception_names_event_topic_kind_and_fix() {
    PublishFailedException e =
        new PublishFailedException(
            "e-1",
            "device-1",
            TOPIC,
            PublishFailure.PERMISSION_DENIED,
            api(Status.Code.PERMISSION_DENIED));

    assertThat(e.eventId()).isEqualTo("e-1");
    assertThat(e.entityKey()).isEqualTo("device-1");
    assertThat(e.topic()).isEqualTo(TOPIC);
    assertThat(e.getMessage())
        .startsWith(
            "publish of event e-1 to projects/demo-project/topics/events failed (PERMISSION_DENIED)")
        .contains("roles/pubsub.publisher");
  }

  private static Throwable api(Status.Code code) {
    return ApiExceptionFactory.createException(
        new RuntimeException(code.name()), GrpcStatusCode.of(code), false);
  }
}
