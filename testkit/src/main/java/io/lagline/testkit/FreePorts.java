package io.lagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free TCP ports on the loopback interface by binding port 0 and reading what the kernel
 * chose.
 */
public final class FreePorts {
  private static final int ATTEMPTS = 20;

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
      closeAll(sockets);
    }
  }

  public static int pick() {
    return pick(1)[0];
  }

  /**
   * {@code count} distinct ports that are free on every one of {@code addresses} (loopback
   * addresses such as {@code 127.0.0.2}), so that each node of a local cluster can listen on the
   * same port at its own address. Tries again when a port free on the first address is taken on
   * another.
   */
  public static int[] pickOnEvery(List<String> addresses, int count) {
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      List<ServerSocket> sockets = new ArrayList<>();
      try {
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
          ServerSocket first = bind(addresses.get(0), 0);
          sockets.add(first);
          ports[i] = first.getLocalPort();
          for (String other : addresses.subList(1, addresses.size())) {
            sockets.add(bind(other, ports[i]));
          }
        }
        return ports;
      } catch (IOException e) {
        last = e;
      } finally {
        closeAll(sockets);
      }
    }
    throw new UncheckedIOException(
        "could not find " + count + " ports free on every one of " + addresses, last);
  }

  private static ServerSocket bind(String address, int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), port), 1);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static void closeAll(List<ServerSocket> sockets) {
    for (ServerSocket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // the port is released either way
      }
    }
  }
}
