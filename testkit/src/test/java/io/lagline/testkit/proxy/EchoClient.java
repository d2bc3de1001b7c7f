package io.lagline.testkit.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;

/** Client-side helpers for talking to an {@link EchoServer}, directly or through the proxy. */
final class EchoClient {
  /** A read that waits this long has hung: tests fail instead of blocking. */
  static final int READ_TIMEOUT_MILLIS = 5_000;

  private EchoClient() {}

  static Socket connect(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    return socket;
  }

  /**
   * Writes {@code payload} (on another thread), shuts down the output, and returns everything read
   * until end of stream.
   */
  static byte[] roundTrip(Socket socket, byte[] payload) throws IOException {
    CompletableFuture<Void> writing =
        CompletableFuture.runAsync(
            () -> {
              try {
                OutputStream out = socket.getOutputStream();
                for (int off = 0; off < payload.length; off += 16 * 1024) {
                  out.write(payload, off, Math.min(16 * 1024, payload.length - off));
                }
                socket.shutdownOutput();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    ByteArrayOutputStream received = new ByteArrayOutputStream(payload.length);
    socket.getInputStream().transferTo(received);
    writing.join();
    return received.toByteArray();
  }

  /** Sends one byte and waits for it to come back. */
  static void ping(Socket socket) throws IOException {
    socket.getOutputStream().write(42);
    if (socket.getInputStream().read() != 42) {
      throw new IOException("echo did not answer");
    }
  }

  /** Whether a new connection to {@code port} echoes a byte now (false on any failure). */
  static boolean echoesOnNewConnection(int port) {
    try (Socket socket = connect(port)) {
      ping(socket);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether the connection is broken: a ping fails with a reset or sees end of stream. A read that
   * times out is a hang, not a broken connection, and throws.
   */
  static boolean isBroken(Socket socket) throws SocketTimeoutException {
    try {
      socket.getOutputStream().write(42);
      InputStream in = socket.getInputStream();
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      return true; // connection reset, broken pipe
    }
  }
}
