package io.lagline.producer.publish;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where and as whom to reach Pub/Sub: the emulator over a plaintext channel without credentials, or
 * the real service with Application Default Credentials or a service-account key file. Owns the
 * emulator channel and closes it; close it after the publishers that use it.
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

  private final String emulatorHost;
  private final ManagedChannel channel;
  private final CredentialsProvider credentialsProvider;

  private PubSubConnection(
      String emulatorHost, ManagedChannel channel, CredentialsProvider credentialsProvider) {
    this.emulatorHost = emulatorHost;
    this.channel = channel;
    this.credentialsProvider = credentialsProvider;
  }

  /**
   * The emulator if {@code emulatorHost} is given (non-blank), else the real service as {@link
   * #google(Path)}. With the emulator a credentials file is ignored, with a warning.
   */
  public static PubSubConnection create(String emulatorHost, Path credentialsFile) {
    if (emulatorHost != null && !emulatorHost.isBlank()) {
      if (credentialsFile != null) {
        LOG.warn(
            "Using the Pub/Sub emulator at {}: the credentials file {} is ignored",
            emulatorHost,
            credentialsFile);
      }
      return emulator(emulatorHost.trim());
    }
    return google(credentialsFile);
  }

  /**
   * The emulator at {@code HOST:PORT}, checked to accept connections.
   *
   * @throws IllegalArgumentException when the address is not {@code HOST:PORT}
   * @throws PubSubConnectionException when nothing accepts connections there
   */
  public static PubSubConnection emulator(String hostPort) {
    InetSocketAddress address = parseHostPort(hostPort);
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
    // gRPC's default inbound limit (4 MiB) is below Pub/Sub's 10 MB messages; 20 MiB as Google's
    // own channels allow
    ManagedChannel channel =
        ManagedChannelBuilder.forTarget(hostPort)
            .usePlaintext()
            .maxInboundMessageSize(20 * 1024 * 1024)
            .build();
    LOG.info("Using the Pub/Sub emulator at {}", hostPort);
    return new PubSubConnection(hostPort, channel, NoCredentialsProvider.create());
  }

  /**
   * The real service, as the account in {@code credentialsFile} (a service-account JSON key) or,
   * when it is null, with Application Default Credentials. Credentials are loaded now, so a missing
   * one fails here.
   *
   * @throws PubSubConnectionException when no credentials can be loaded
   */
  public static PubSubConnection google(Path credentialsFile) {
    GoogleCredentials credentials;
    if (credentialsFile != null) {
      try (InputStream in = Files.newInputStream(credentialsFile)) {
        credentials = GoogleCredentials.fromStream(in);
      } catch (IOException | RuntimeException e) {
        throw new PubSubConnectionException(
            SERVICE,
            "cannot load credentials from "
                + credentialsFile
                + " ("
                + e.getMessage()
                + "): give a service-account key file in JSON, or leave it out to use Application Default"
                + " Credentials",
            e);
      }
    } else {
      try {
        credentials = GoogleCredentials.getApplicationDefault();
      } catch (IOException e) {
        throw new PubSubConnectionException(
            SERVICE,
            "no Google credentials found: run 'gcloud auth application-default login', set"
                + " GOOGLE_APPLICATION_CREDENTIALS or give a credentials file; for local runs use the emulator"
                + " (--emulator HOST:PORT or PUBSUB_EMULATOR_HOST)",
            e);
      }
    }
    GoogleCredentials scoped =
        credentials.createScoped(TopicAdminSettings.getDefaultServiceScopes());
    return new PubSubConnection(null, null, FixedCredentialsProvider.create(scoped));
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

  /** The credentials to use. */
  public CredentialsProvider credentialsProvider() {
    return credentialsProvider;
  }

  Publisher.Builder applyTo(Publisher.Builder builder) {
    channelProvider().ifPresent(builder::setChannelProvider);
    return builder.setCredentialsProvider(credentialsProvider);
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

  static InetSocketAddress parseHostPort(String hostPort) {
    int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
    if (colon > 0 && colon < hostPort.length() - 1) {
      String host = hostPort.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        if (port >= 1 && port <= 65535) {
          return new InetSocketAddress(host, port);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "emulator address '"
            + hostPort
            + "' must be HOST:PORT with a port from 1 to 65535, e.g. localhost:8085");
  }
}
