package io.lagline.reconciler.intake;

import com.google.pubsub.v1.StreamingPullRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * Shows the subscription's streaming pulls to a {@link StreamWatch}: every response is a sign of
 * life, every close with a non-OK status an error. The client library reconnects after such errors
 * without a word, so this is the only place they are seen. Other calls on the channel, and the
 * streams of other subscriptions (the auditor's), pass untouched; a stream cancelled by the client
 * itself (the subscriber stopping) is not an error.
 */
public final class StreamingPullInterceptor implements ClientInterceptor {
  /** The method watched: {@code google.pubsub.v1.Subscriber/StreamingPull}. */
  static final String METHOD =
      MethodDescriptor.generateFullMethodName("google.pubsub.v1.Subscriber", "StreamingPull");

  private final String subscription;
  private final StreamWatch watch;

  /**
   * @param subscription the full subscription name whose streams are watched
   * @param watch told of every response and error
   */
  public StreamingPullInterceptor(String subscription, StreamWatch watch) {
    this.subscription = subscription;
    this.watch = watch;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, callOptions);
    return METHOD.equals(method.getFullMethodName()) ? new WatchedCall<>(call) : call;
  }

  private final class WatchedCall<Q, R>
      extends ForwardingClientCall.SimpleForwardingClientCall<Q, R> {
    // the stream's first request names its subscription
    private volatile boolean watched;
    private volatile boolean cancelledByClient;

    WatchedCall(ClientCall<Q, R> call) {
      super(call);
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
      super.start(
          new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
            @Override
            public void onMessage(R message) {
              if (watched) {
                watch.received();
              }
              super.onMessage(message);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              if (watched && !status.isOk() && !cancelledByClient) {
                watch.failed(status.getCode(), status.getDescription());
              }
              super.onClose(status, trailers);
            }
          },
          headers);
    }

    @Override
    public void sendMessage(Q message) {
      if (message instanceof StreamingPullRequest request && !request.getSubscription().isEmpty()) {
        watched = subscription.equals(request.getSubscription());
      }
      super.sendMessage(message);
    }

    @Override
    public void cancel(String message, Throwable cause) {
      cancelledByClient = true;
      super.cancel(message, cause);
    }
  }
}
