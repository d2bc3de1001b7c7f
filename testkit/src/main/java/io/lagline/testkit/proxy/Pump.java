package io.lagline.testkit.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One direction of a proxied connection: a read loop that queues what it reads on a {@link
 * DelayLine} with a due time (now + the current latency), and a write loop that writes each chunk
 * when it is due. Each loop runs on its own thread; byte order is kept because there is one queue.
 * The end of the stream travels like data and becomes a {@code shutdownOutput} on the other side.
 */
final class Pump {
  /** Largest chunk read at once. */
  static final int READ_BUFFER_BYTES = 64 * 1024;

  private final String label;
  private final Socket from;
  private final Socket to;
  private final DelayLine line;
  private final LongSupplier latencyNanos;
  private final LongAdder bytes;
  private final ProxyConnection connection;

  Pump(
      String label,
      Socket from,
      Socket to,
      int maxBufferedBytes,
      LongSupplier latencyNanos,
      LongAdder bytes,
      ProxyConnection connection) {
    this.label = label;
    this.from = from;
    this.to = to;
    this.line = new DelayLine(maxBufferedBytes);
    this.latencyNanos = latencyNanos;
    this.bytes = bytes;
    this.connection = connection;
  }

  String label() {
    return label;
  }

  /** Reads until end of stream, an error, or the connection closing. */
  void readLoop() {
    byte[] buffer = new byte[READ_BUFFER_BYTES];
    try {
      InputStream in = from.getInputStream();
      while (true) {
        int n = in.read(buffer);
        long due = System.nanoTime() + latencyNanos.getAsLong();
        if (n < 0) {
          line.putEof(due);
          return;
        }
        bytes.add(n);
        line.put(Arrays.copyOf(buffer, n), due);
      }
    } catch (IOException e) {
      connection.failed(label + " read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the connection is closing
    }
  }

  /** Writes each chunk when due, until end of stream, an error, or the connection closing. */
  void writeLoop() {
    try {
      OutputStream out = to.getOutputStream();
      while (true) {
        DelayLine.Chunk chunk = line.takeWhenDue();
        if (chunk.isEof()) {
          to.shutdownOutput();
          connection.directionEnded(label);
          return;
        }
        out.write(chunk.data());
        line.release(chunk);
      }
    } catch (IOException e) {
      connection.failed(label + " write", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the connection is closing
    }
  }
}
