package io.lagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free TCP ports on the loopback interface by binding port 0 and reading what the kernel
 * chose.
 */
public final class FreePorts {
  private FreePorts() {}

  /**
   * {@code count} distinct free ports. All sockets stay bound until every port is chosen, so the
   * kernel cannot hand out the same port twice; a port can still be taken by someone else before
   * the child process binds it.
   */
  public static int[] pick(int count) {
    List<ServerSocket> sockets = new ArrayList<>(count);
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind a free port on 127.0.0.1", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // the port is released either way
        }
      }
    }
  }

  public static int pick() {
    return pick(1)[0];
  }
}
