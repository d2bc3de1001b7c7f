package io.lagline.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PubSubConnectionTest {

  @Test
  void parses_host_and_port() {
    InetSocketAddress address = EmulatorAddress.parse("localhost:8085");

    assertThat(address.getHostString()).isEqualTo("localhost");
    assertThat(address.getPort()).isEqualTo(8085);
    InetSocketAddress v6 = EmulatorAddress.parse("[::1]:8086");
    assertThat(v6.getAddress().isLoopbackAddress()).isTrue();
    assertThat(v6.getPort()).isEqualTo(8086);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "localhost:",
        ":8085",
        "localhost:http",
        "localhost:0",
        "localhost:70000"
      })
  void rejects_an_address_that_is_not_host_and_port(String address) {
    assertThatThrownBy(() -> EmulatorAddress.parse(address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be HOST:PORT");
  }

  @Test
  void an_unreachable_emulator_is_reported_with_the_cause_and_the_fix() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String address = "127.0.0.1:" + closedPort;

    assertThatThrownBy(() -> PubSubConnection.create(address, null))
        .isInstanceOfSatisfying(
            PubSubConnectionException.class, e -> assertThat(e.target()).isEqualTo(address))
        .hasMessageContaining("cannot reach the Pub/Sub emulator at " + address)
        .hasMessageContaining("gcloud beta emulators pubsub start --host-port=" + address);
  }

  @Test
  void a_reachable_emulator_gets_a_plaintext_channel_and_no_credentials() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        PubSubConnection connection =
            PubSubConnection.emulator("127.0.0.1:" + socket.getLocalPort())) {
      assertThat(connection.emulatorHost()).contains("127.0.0.1:" + socket.getLocalPort());
      assertThat(connection.channelProvider()).isPresent();
      assertThat(connection.credentialsProvider().getCredentials()).isNull();
    }
  }

  @Test
  void one_call_sets_the_channel_and_the_credentials_on_admin_clients_and_stubs() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        PubSubConnection connection =
            PubSubConnection.emulator("127.0.0.1:" + socket.getLocalPort())) {
      TopicAdminSettings.Builder admin = connection.configure(TopicAdminSettings.newBuilder());
      SubscriberStubSettings.Builder stub =
          connection.configureStub(SubscriberStubSettings.newBuilder());

      for (var provider :
          List.of(admin.getTransportChannelProvider(), stub.getTransportChannelProvider())) {
        assertThat(((GrpcTransportChannel) provider.getTransportChannel()).getChannel())
            .isSameAs(
                ((GrpcTransportChannel)
                        connection.channelProvider().orElseThrow().getTransportChannel())
                    .getChannel());
      }
      assertThat(admin.getCredentialsProvider()).isSameAs(connection.credentialsProvider());
      assertThat(stub.getCredentialsProvider()).isSameAs(connection.credentialsProvider());
    }
  }

  @Test
  void interceptors_see_every_call_of_the_emulator_channel() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    ClientInterceptor recorder =
        new ClientInterceptor() {
          @Override
          public <Q, R> ClientCall<Q, R> interceptCall(
              MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            seen.add(method.getFullMethodName());
            return next.newCall(method, options);
          }
        };
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        PubSubConnection connection =
            PubSubConnection.emulator("127.0.0.1:" + socket.getLocalPort(), List.of(recorder))) {
      Channel channel =
          ((GrpcTransportChannel) connection.channelProvider().orElseThrow().getTransportChannel())
              .getChannel();

      channel.newCall(publishMethod(), CallOptions.DEFAULT);

      assertThat(seen).containsExactly("google.pubsub.v1.Publisher/Publish");
      assertThat(connection.interceptors()).containsExactly(recorder);
    }
  }

  private static MethodDescriptor<PublishRequest, PublishResponse> publishMethod() {
    return MethodDescriptor.<PublishRequest, PublishResponse>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName("google.pubsub.v1.Publisher/Publish")
        .setRequestMarshaller(ProtoUtils.marshaller(PublishRequest.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(PublishResponse.getDefaultInstance()))
        .build();
  }

  @Test
  void a_credentials_file_that_is_not_a_key_is_reported(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("key.json"), "{\"type\": \"nonsense\"}");

    assertThatThrownBy(() -> PubSubConnection.google(file))
        .isInstanceOf(PubSubConnectionException.class)
        .hasMessageContaining("cannot load credentials from " + file)
        .hasMessageContaining(
            "service-account key or an external_account credential configuration");
  }
}
