package io.lagline.reconciler.intake;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.auth.oauth2.GoogleCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.lagline.error.LaglineException;
import io.lagline.reconciler.config.PubSubConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The connection settings for Pub/Sub clients: a plaintext channel and no credentials for an emulator, else
 * Google's endpoint with a service-account file or Application Default Credentials. Owns the emulator channel.
 */
public final class PubSubChannels implements AutoCloseable {
  private static final String SCOPE = "https://www.googleapis.com/auth/pubsub";

  private final ManagedChannel channel;
  private final TransportChannelProvider channelProvider;
  private final CredentialsProvider credentials;

  private PubSubChannels(
      ManagedChannel channel, TransportChannelProvider channelProvider, CredentialsProvider credentials) {
    this.channel = channel;
    this.channelProvider = channelProvider;
    this.credentials = credentials;
  }

  /** Builds the settings for a configuration. */
  public static PubSubChannels open(PubSubConfig config) {
    if (config.emulatorHost() != null) {
      ManagedChannel channel = ManagedChannelBuilder.forTarget(config.emulatorHost()).usePlaintext().build();
      return new PubSubChannels(
          channel, FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)), NoCredentialsProvider.create());
    }
    CredentialsProvider credentials = null;
    if (config.credentialsFile() != null) {
      try (InputStream in = Files.newInputStream(config.credentialsFile())) {
        credentials =
            FixedCredentialsProvider.create(GoogleCredentials.fromStream(in).createScoped(List.of(SCOPE)));
      } catch (IOException e) {
        throw new LaglineException(
            "cannot read Google credentials from pubsub.credentials-file ("
                + config.credentialsFile()
                + "): "
                + e.getMessage(),
            e);
      }
    }
    return new PubSubChannels(null, null, credentials);
  }

  /** The channel provider to use, or null for the client's default (Google's endpoint). */
  public TransportChannelProvider channelProvider() {
    return channelProvider;
  }

  /** The credentials to use, or null for Application Default Credentials. */
  public CredentialsProvider credentials() {
    return credentials;
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.shutdown();
      try {
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
