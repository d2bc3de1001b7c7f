package io.lagline.testkit.proxy;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * The chunks of one direction of a connection, in read order, each with the time it may be written.
 * It is a pipeline delay: the reader keeps reading while earlier chunks wait, so a delay adds
 * latency without limiting throughput (up to {@code maxBufferedBytes} per latency period).
 *
 * <p>Memory is bounded: {@link #put} blocks while the chunks not yet written, plus a fixed overhead
 * per chunk, would exceed the budget.
 */
final class DelayLine {
  /**
   * What a chunk costs beyond its bytes (object headers, queue node), so tiny chunks are bounded.
   */
  static final int CHUNK_OVERHEAD = 64;

  private static final byte[] EOF = new byte[0];

  private final int maxBufferedBytes;
  private final Semaphore budget;
  private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

  DelayLine(int maxBufferedBytes) {
    this.maxBufferedBytes = maxBufferedBytes;
    this.budget = new Semaphore(maxBufferedBytes);
  }

  /** Queues bytes to be written at {@code dueNanos} (a {@link System#nanoTime()} value). */
  void put(byte[] data, long dueNanos) throws InterruptedException {
    budget.acquire(cost(data));
    queue.put(new Chunk(data, dueNanos));
  }

  /** Queues the end of the stream: the writer shuts down its output when it is due. */
  void putEof(long dueNanos) throws InterruptedException {
    put(EOF, dueNanos);
  }

  /** Waits for the next chunk, then until it is due, and returns it. */
  Chunk takeWhenDue() throws InterruptedException {
    Chunk chunk = queue.take();
    long wait;
    while ((wait = chunk.dueNanos() - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, wait);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
    return chunk;
  }

  /** Gives back the budget of a chunk once it has been written. */
  void release(Chunk chunk) {
    budget.release(cost(chunk.data()));
  }

  /** Bytes (with per-chunk overhead) queued or being written. */
  int bufferedBytes() {
    return maxBufferedBytes - budget.availablePermits();
  }

  private int cost(byte[] data) {
    return Math.min(data.length + CHUNK_OVERHEAD, maxBufferedBytes);
  }

  /** Bytes read from one side, to be written to the other at {@code dueNanos}. */
  record Chunk(byte[] data, long dueNanos) {
    boolean isEof() {
      return data.length == 0;
    }
  }
}
