package io.lagline.pubsub;

import java.net.InetSocketAddress;

/** Parses the emulator's {@code HOST:PORT}, as in {@code PUBSUB_EMULATOR_HOST}. */
final class EmulatorAddress {
  private EmulatorAddress() {}

  /**
   * The address in {@code hostPort}; IPv6 hosts in brackets ({@code [::1]:8085}).
   *
   * @throws IllegalArgumentException when it is not {@code HOST:PORT} with a port from 1 to 65535
   */
  static InetSocketAddress parse(String hostPort) {
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
