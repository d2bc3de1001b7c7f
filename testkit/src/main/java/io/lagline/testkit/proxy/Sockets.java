package io.lagline.testkit.proxy;

import java.io.IOException;
import java.net.Socket;

/** Closing sockets the way the proxy needs: quietly, and abruptly when asked. */
final class Sockets {
  private Sockets() {}

  /** Closes with a TCP RST instead of a FIN: {@code SO_LINGER} 0, then close. */
  static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // already closed: nothing to reset
    }
    close(socket);
  }

  /** Closes, ignoring errors (the peer may be gone already). */
  static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  /** Starts a daemon thread. */
  static Thread startDaemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
