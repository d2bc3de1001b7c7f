package io.lagline.testkit.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback server that writes back every byte it reads, and shuts down its output when the client
 * does. One daemon thread per connection.
 */
final class EchoServer implements AutoCloseable {
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private EchoServer(ServerSocket listener) {
    this.listener = listener;
    daemon("echo-accept", this::acceptLoop);
  }

  static EchoServer start() throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    return new EchoServer(listener);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  /** Connections the server has not yet seen end. */
  int openConnections() {
    return open.size();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        daemon("echo-" + socket.getPort(), () -> echo(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void echo(Socket socket) {
    byte[] buffer = new byte[32 * 1024];
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
      socket.shutdownOutput();
    } catch (IOException e) {
      // reset by the proxy: the connection is over
    } finally {
      open.remove(socket);
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
