package io.lagline.reconciler.config;

/**
 * The admin HTTP endpoint ({@code /metrics}, {@code /health/live}, {@code /health/ready}).
 *
 * @param host address to bind
 * @param port port to bind; 0 picks a free one
 */
public record AdminConfig(String host, int port) {
  /** Default for {@code admin.host}. */
  public static final String DEFAULT_HOST = "0.0.0.0";

  /** Default for {@code admin.port}. */
  public static final int DEFAULT_PORT = 9464;
}
