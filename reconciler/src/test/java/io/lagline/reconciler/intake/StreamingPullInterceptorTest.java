package io.lagline.reconciler.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.StreamingPullRequest;
import com.google.pubsub.v1.StreamingPullResponse;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.lagline.reconciler.FakeClock;
import io.lagline.reconciler.config.IntakeHealthConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingPullInterceptorTest {
  private static final String SUB = "projects/p/subscriptions/events";

  private final List<Status.Code> counted = new ArrayList<>();
  private final StreamWatch watch =
      new StreamWatch(
          SUB,
          new IntakeHealthConfig(Duration.ofMinutes(5), 1, Duration.ofMinutes(2)),
          new FakeClock(Instant.parse("2026-12-05T06:00:00Z")),
          counted::add);
  private final StreamingPullInterceptor interceptor = new StreamingPullInterceptor(SUB, watch);
  private final FakeChannel channel = new FakeChannel();

  @Test
  void an_error_closing_the_subscriptions_stream_is_counted_by_code() {
    ClientCall<Object, Object> call = open(StreamingPullInterceptor.METHOD, SUB);

    channel.last.listener.onClose(Status.RESOURCE_EXHAUSTED.withDescription("too big"), null);

    assertThat(counted).containsExactly(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(watch.problem()).hasValueSatisfying(why -> assertThat(why).contains("too big"));
    assertThat(call).isNotSameAs(channel.last);
  }

  @Test
  void a_response_is_progress_and_an_ok_close_no_error() {
    open(StreamingPullInterceptor.METHOD, SUB);
    channel.last.listener.onClose(Status.UNAVAILABLE, null);

    open(StreamingPullInterceptor.METHOD, SUB);
    channel.last.listener.onMessage(StreamingPullResponse.getDefaultInstance());
    channel.last.listener.onClose(Status.OK, null);

    assertThat(counted).containsExactly(Status.Code.UNAVAILABLE);
    assertThat(watch.problem()).isEmpty();
  }

  @Test
  void our_own_cancel_at_shutdown_is_not_an_error() {
    ClientCall<Object, Object> call = open(StreamingPullInterceptor.METHOD, SUB);

    call.cancel("subscriber stopping", null);
    channel.last.listener.onClose(Status.CANCELLED, null);

    assertThat(counted).isEmpty();
  }

  @Test
  void other_subscriptions_and_other_methods_are_not_watched() {
    open(StreamingPullInterceptor.METHOD, "projects/p/subscriptions/audit");
    channel.last.listener.onClose(Status.UNAVAILABLE, null);
    ClientCall<Object, Object> publish = open("google.pubsub.v1.Publisher/Publish", SUB);

    assertThat(publish).isSameAs(channel.last);
    assertThat(counted).isEmpty();
  }

  private ClientCall<Object, Object> open(String method, String subscription) {
    ClientCall<Object, Object> call =
        interceptor.interceptCall(descriptor(method), CallOptions.DEFAULT, channel);
    call.start(new ClientCall.Listener<>() {}, new Metadata());
    call.sendMessage(StreamingPullRequest.newBuilder().setSubscription(subscription).build());
    return call;
  }

  private static MethodDescriptor<Object, Object> descriptor(String fullName) {
    MethodDescriptor.Marshaller<Object> none =
        new MethodDescriptor.Marshaller<>() {
          @Override
          public InputStream stream(Object value) {
            return new ByteArrayInputStream(new byte[0]);
          }

          @Override
          public Object parse(InputStream stream) {
            return null;
          }
        };
    return MethodDescriptor.newBuilder(none, none)
        .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
        .setFullMethodName(fullName)
        .build();
  }

  /** Hands out calls that remember their listener, so the test can play the server. */
  private static final class FakeChannel extends Channel {
    FakeCall last;

    @Override
    @SuppressWarnings("unchecked")
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
      last = new FakeCall();
      return (ClientCall<Q, R>) last;
    }

    @Override
    public String authority() {
      return "fake";
    }
  }

  private static final class FakeCall extends ClientCall<Object, Object> {
    Listener<Object> listener;

    @Override
    public void start(Listener<Object> responseListener, Metadata headers) {
      listener = responseListener;
    }

    @Override
    public void request(int numMessages) {}

    @Override
    public void cancel(String message, Throwable cause) {}

    @Override
    public void halfClose() {}

    @Override
    public void sendMessage(Object message) {}
  }
}
