package io.lagline.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.lagline.reconciler.app.ReconcilerApp;
import io.lagline.reconciler.config.ConfigLoader;
import io.lagline.reconciler.config.ReconcilerConfig;
import io.lagline.reconciler.intake.StreamWatch;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.KeepLogsOnFailure;
import io.lagline.testkit.stack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The bug report's stuck stream, for real on the emulator: the subscriber's channel accepts pull
 * responses of at most 64 KiB and a 100 KiB message waits in the subscription, so every streaming
 * pull that delivers it fails with RESOURCE_EXHAUSTED and the client reconnects and is sent it
 * again, for ever. Before the fix nothing showed it; now the counter, a WARN and readiness do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KeepLogsOnFailure.class)
class StuckStreamIT {
  private static final int INBOUND_LIMIT = 64 * 1024;
  private static final ClientInterceptor SMALL_INBOUND_LIMIT =
      new ClientInterceptor() {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(
            MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
          return next.newCall(method, options.withMaxInboundMessageSize(INBOUND_LIMIT));
        }
      };

  LocalStack stack;
  PubSubTestResources pubsub;
  Path dir;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger watchLogger = (Logger) LoggerFactory.getLogger(StreamWatch.class);

  @BeforeAll
  void startStack() throws Exception {
    stack = LocalStack.start();
    pubsub = stack.connectPubSub();
    dir = Files.createTempDirectory("stuck-stream-it");
    log.start();
    watchLogger.addAppender(log);
  }

  @AfterAll
  void stopStack() {
    watchLogger.detachAppender(log);
    if (pubsub != null) {
      pubsub.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void a_stream_failing_on_every_delivery_is_counted_warned_and_turns_readiness_red()
      throws Exception {
    // pubsub.stream-error-threshold: the default 3 within the default 5 minutes
    Pipeline pipeline = new Pipeline(stack, pubsub, dir, "stuck", "");
    pipeline.applySchema();
    // the stream's ack deadline follows the longest lease extension: at 10 s the emulator offers
    // the message again 10 s after each failed delivery (60 s by default); one stream is enough
    ReconcilerConfig config =
        ConfigLoader.load(
            pipeline.configFile,
            Map.of(
                "LAGLINE_PUBSUB_MAX_DURATION_PER_ACK_EXTENSION", "10s",
                "LAGLINE_PUBSUB_PARALLEL_PULL_COUNT", "1"));
    HttpClient http = HttpClient.newHttpClient();
    try (ReconcilerApp app = ReconcilerApp.start(config, List.of(SMALL_INBOUND_LIMIT))) {
      String base = "http://127.0.0.1:" + app.adminPort();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> status(http, base + "/health/ready") == 200);
      assertThat(get(http, base + "/metrics").body())
          .as("every code is exported at zero from the start")
          .contains("code=\"RESOURCE_EXHAUSTED\"} 0.0", "code=\"UNAVAILABLE\"} 0.0")
          .contains("lagline_reconciler_stalled_for_seconds");

      pipeline.publishRaw(List.of(oversized()));

      await()
          .atMost(Duration.ofMinutes(2))
          .untilAsserted(
              () -> {
                assertThat(resourceExhausted(app)).isGreaterThanOrEqualTo(3);
                assertThat(warnings()).isNotEmpty();
                HttpResponse<String> ready = get(http, base + "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body())
                    .contains("not ready: stream_not_erroring (" + pipeline.subscription())
                    .contains("RESOURCE_EXHAUSTED")
                    .contains("exceeds maximum size " + INBOUND_LIMIT);
              });
      assertThat(warnings().get(0))
          .contains(pipeline.subscription(), "keeps failing", "RESOURCE_EXHAUSTED")
          .contains("exceeds maximum size " + INBOUND_LIMIT);
      // the symptoms of the report: nothing handled, nothing held, the subscriber still "running"
      assertThat(app.metrics().events("applied")).isZero();
      assertThat(app.metrics().inFlight()).isZero();
      assertThat(status(http, base + "/health/live")).isEqualTo(200);
      assertThat(get(http, base + "/metrics").body())
          .containsPattern(
              "lagline_reconciler_stream_errors_total\\{[^}]*code=\"RESOURCE_EXHAUSTED\"} [1-9]");
    }
    assertThat(logged())
        .as("stopping cancels the streams: not counted as errors")
        .filteredOn(e -> e.getFormattedMessage().contains("CANCELLED"))
        .isEmpty();
  }

  private static PubsubMessage oversized() {
    return PubsubMessage.newBuilder().setData(ByteString.copyFrom(new byte[100 * 1024])).build();
  }

  private static double resourceExhausted(ReconcilerApp app) {
    return app.registry()
        .get("lagline.reconciler.stream.errors")
        .tag("code", "RESOURCE_EXHAUSTED")
        .counter()
        .count();
  }

  private List<String> warnings() {
    return logged().stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  /** A copy of what was logged so far (the appender appends under its own lock). */
  private List<ILoggingEvent> logged() {
    synchronized (log) {
      return List.copyOf(log.list);
    }
  }

  private static int status(HttpClient http, String url) throws Exception {
    return get(http, url).statusCode();
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
