package io.lagline.pubsub;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.StubSettings;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.lagline.event.PubSubLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where and as whom to reach Pub/Sub: the emulator over a plaintext channel without credentials, or
 * the real service with Application Default Credentials, a service-account key file or an {@code
 * external_account} credential configuration (Workload Identity Federation). Every Pub/Sub client
 * Lagline builds gets its channel and credentials from one {@code configure} call here. Owns the
 * emulator channel and closes it; close it after the clients that use it.
 *
 * <p>The emulator channel accepts inbound messages up to {@link
 * PubSubLimits#MAX_INBOUND_MESSAGE_BYTES}; the client's default channels to the real service
 * already accept at least as much ({@code Subscriber} and {@code SubscriberStubSettings} 20 MiB,
 * {@code Publisher} no limit).
 */
public final class PubSubConnection implements AutoCloseable {
  /** The service's name in messages. */
  public static final String SERVICE = "pubsub.googleapis.com";

  /**
   * How long {@link #emulator(String)} waits to open a TCP connection to the emulator before giving
   * up.
   */
  public static final Duration EMULATOR_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(PubSubConnection.class);
  private static final Duration CHANNEL_CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_INBOUND_METADATA_BYTES = 4 * 1024 * 1024;
  private static final Duration KEEP_ALIVE_TIME = Duration.ofMinutes(5);

  private final String emulatorHost;
  private final ManagedChannel channel;
  private final CredentialsProvider credentialsProvider;
  private final List<ClientInterceptor> interceptors;
  private final SettingNames names;

  private PubSubConnection(
      String emulatorHost,
      ManagedChannel channel,
      CredentialsProvider credentialsProvider,
      List<ClientInterceptor> interceptors,
      SettingNames names) {
    this.emulatorHost = emulatorHost;
    this.channel = channel;
    this.credentialsProvider = credentialsProvider;
    this.interceptors = List.copyOf(interceptors);
    this.names = names;
  }

  /**
   * The emulator if {@code emulatorHost} is given (non-blank), else the real service as {@link
   * #google(Path)}. With the emulator a credentials file is ignored, with a warning.
   */
  public static PubSubConnection create(String emulatorHost, Path credentialsFile) {
    return create(emulatorHost, credentialsFile, List.of());
  }

  /**
   * As {@link #create(String, Path)}, with {@code interceptors} on every call of the emulator
   * channel; for the real service they are kept for {@link #interceptors()}.
   */
  public static PubSubConnection create(
      String emulatorHost, Path credentialsFile, List<ClientInterceptor> interceptors) {
    return create(emulatorHost, credentialsFile, interceptors, SettingNames.DEFAULT);
  }

  /**
   * As {@link #create(String, Path, List)}, for a deployable whose settings are called {@code
   * names}: messages about this connection name them.
   */
  public static PubSubConnection create(
      String emulatorHost,
      Path credentialsFile,
      List<ClientInterceptor> interceptors,
      SettingNames names) {
    if (emulatorHost != null && !emulatorHost.isBlank()) {
      if (credentialsFile != null) {
        LOG.warn(
            "Using the Pub/Sub emulator at {}: the credentials file {} is ignored",
            emulatorHost,
            credentialsFile);
      }
      return emulator(emulatorHost.trim(), interceptors, names);
    }
    return google(credentialsFile, interceptors, names);
  }

  /**
   * The emulator at {@code HOST:PORT}, checked to accept connections.
   *
   * @throws IllegalArgumentException when the address is not {@code HOST:PORT}
   * @throws PubSubConnectionException when nothing accepts connections there
   */
  public static PubSubConnection emulator(String hostPort) {
    return emulator(hostPort, List.of());
  }

  /**
   * As {@link #emulator(String)}, with {@code interceptors} on every call of the channel (as with
   * {@link io.grpc.ClientInterceptors#intercept(io.grpc.Channel, List)}, the last runs first).
   */
  public static PubSubConnection emulator(String hostPort, List<ClientInterceptor> interceptors) {
    return emulator(hostPort, interceptors, SettingNames.DEFAULT);
  }

  private static PubSubConnection emulator(
      String hostPort, List<ClientInterceptor> interceptors, SettingNames names) {
    InetSocketAddress address = EmulatorAddress.parse(hostPort);
    try (Socket socket = new Socket()) {
      socket.connect(address, (int) EMULATOR_CONNECT_TIMEOUT.toMillis());
    } catch (IOException e) {
      throw new PubSubConnectionException(
          hostPort,
          "cannot reach the Pub/Sub emulator at "
              + hostPort
              + " ("
              + e.getMessage()
              + "): start it ("
              + "gcloud beta emulators pubsub start --host-port="
              + hostPort
              + ") or point --emulator / PUBSUB_EMULATOR_HOST at a running one",
          e);
    }
    ManagedChannel channel =
        ManagedChannelBuilder.forTarget(hostPort)
            .usePlaintext()
            .maxInboundMessageSize(PubSubLimits.MAX_INBOUND_MESSAGE_BYTES)
            .intercept(interceptors)
            .build();
    LOG.info("Using the Pub/Sub emulator at {}", hostPort);
    return new PubSubConnection(
        hostPort, channel, NoCredentialsProvider.create(), interceptors, names);
  }

  /**
   * The real service, as the account in {@code credentialsFile} (a service-account JSON key or an
   * {@code external_account} credential configuration for Workload Identity Federation) or, when it
   * is null, with Application Default Credentials. Credentials are loaded now, so a missing one
   * fails here; an {@code external_account} one also exchanges its token now, so a token endpoint
   * that cannot be reached or refuses the token fails here, before any Pub/Sub RPC.
   *
   * @throws PubSubConnectionException when no credentials can be loaded or exchanged
   */
  public static PubSubConnection google(Path credentialsFile) {
    return google(credentialsFile, List.of());
  }

  /**
   * As {@link #google(Path)}, keeping {@code interceptors} for the clients that build their own
   * channel ({@link #interceptors()}).
   */
  public static PubSubConnection google(
      Path credentialsFile, List<ClientInterceptor> interceptors) {
    return google(credentialsFile, interceptors, SettingNames.DEFAULT);
  }

  private static PubSubConnection google(
      Path credentialsFile, List<ClientInterceptor> interceptors, SettingNames names) {
    GoogleCredentials scoped =
        GoogleCredentialsLoader.scoped(
            credentialsFile, names, TopicAdminSettings.getDefaultServiceScopes());
    return new PubSubConnection(
        null, null, FixedCredentialsProvider.create(scoped), interceptors, names);
  }

  /** The emulator's {@code HOST:PORT}, when connected to the emulator. */
  public Optional<String> emulatorHost() {
    return Optional.ofNullable(emulatorHost);
  }

  /** What this connects to, for messages: the emulator's address or {@value #SERVICE}. */
  public String target() {
    return emulatorHost != null ? "Pub/Sub emulator at " + emulatorHost : SERVICE;
  }

  /** The channel to use; empty means the client's default channel to the real service. */
  public Optional<TransportChannelProvider> channelProvider() {
    return Optional.ofNullable(channel)
        .map(c -> FixedTransportChannelProvider.create(GrpcTransportChannel.create(c)));
  }

  /**
   * The interceptors this connection was created with: already on the emulator channel; a client
   * that builds its own channel to the real service (when {@link #channelProvider()} is empty)
   * installs them itself.
   */
  public List<ClientInterceptor> interceptors() {
    return interceptors;
  }

  /** How the deployable that opened this connection names its settings, for messages. */
  public SettingNames names() {
    return names;
  }

  /** The credentials to use. */
  public CredentialsProvider credentialsProvider() {
    return credentialsProvider;
  }

  /** Sets this connection's channel (when it has one) and credentials on a publisher. */
  public Publisher.Builder configure(Publisher.Builder builder) {
    channelProvider().ifPresent(builder::setChannelProvider);
    return builder.setCredentialsProvider(credentialsProvider);
  }

  /**
   * Sets this connection's channel and credentials on a subscriber. For the real service the
   * channel is the one the client library builds by default (inbound messages up to {@link
   * PubSubLimits#MAX_INBOUND_MESSAGE_BYTES}), with this connection's interceptors added.
   */
  public Subscriber.Builder configure(Subscriber.Builder builder) {
    return builder
        .setChannelProvider(channelProvider().orElseGet(this::defaultSubscriberChannel))
        .setCredentialsProvider(credentialsProvider);
  }

  /** Sets this connection's channel (when it has one) and credentials on an admin client. */
  public <B extends ClientSettings.Builder<?, B>> B configure(B builder) {
    channelProvider().ifPresent(builder::setTransportChannelProvider);
    return builder.setCredentialsProvider(credentialsProvider);
  }

  /** Sets this connection's channel (when it has one) and credentials on a low-level stub. */
  public <B extends StubSettings.Builder<?, B>> B configureStub(B builder) {
    channelProvider().ifPresent(builder::setTransportChannelProvider);
    return builder.setCredentialsProvider(credentialsProvider);
  }

  private TransportChannelProvider defaultSubscriberChannel() {
    // Subscriber.Builder's own defaults (google-cloud-pubsub 1.153)
    return SubscriptionAdminSettings.defaultGrpcTransportProviderBuilder()
        .setMaxInboundMessageSize(PubSubLimits.MAX_INBOUND_MESSAGE_BYTES)
        .setMaxInboundMetadataSize(MAX_INBOUND_METADATA_BYTES)
        .setKeepAliveTimeDuration(KEEP_ALIVE_TIME)
        .setInterceptorProvider(this::interceptors)
        .build();
  }

  /** Closes the emulator channel, if any. */
  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    channel.shutdown();
    try {
      if (!channel.awaitTermination(CHANNEL_CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
