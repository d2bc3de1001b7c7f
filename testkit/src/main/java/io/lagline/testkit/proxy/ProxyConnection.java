package io.lagline.testkit.proxy;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted client connection and its upstream connection, with a {@link Pump} per direction
 * (four threads: {@code proxy-<name>-c<id>-up-read}, {@code -up-write}, {@code -down-read}, {@code
 * -down-write}). It closes normally once both directions have ended, and resets both sides when
 * either fails or the proxy resets it.
 */
final class ProxyConnection {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

  /** How long to wait for the upstream server to accept the connection. */
  static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final TcpFaultProxy proxy;
  private final long id;
  private final Socket client;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger endedDirections = new AtomicInteger();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile Socket upstream;

  ProxyConnection(TcpFaultProxy proxy, long id, Socket client) {
    this.proxy = proxy;
    this.id = id;
    this.client = client;
  }

  /** Connects upstream and starts forwarding, on the connection's own threads. */
  void start() {
    startThread("up-read", this::connectAndForward);
  }

  private void connectAndForward() {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(proxy.upstream(), CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      LOG.debug(
          "proxy {}: c{} cannot reach {}: {}", proxy.name(), id, proxy.upstream(), e.toString());
      Sockets.close(socket);
      reset();
      return;
    }
    upstream = socket;
    if (closed.get()) { // reset while connecting; reset() may not have seen the socket
      Sockets.reset(socket);
      return;
    }
    LOG.debug(
        "proxy {}: c{} open {} -> {}",
        proxy.name(),
        id,
        client.getRemoteSocketAddress(),
        proxy.upstream());
    int budget = TcpFaultProxy.MAX_BUFFERED_BYTES_PER_DIRECTION;
    Pump up =
        new Pump(
            "up", client, socket, budget, proxy::latencyNanos, proxy.bytesUpstreamCounter(), this);
    Pump down =
        new Pump(
            "down",
            socket,
            client,
            budget,
            proxy::latencyNanos,
            proxy.bytesDownstreamCounter(),
            this);
    startThread("up-write", up::writeLoop);
    startThread("down-read", down::readLoop);
    startThread("down-write", down::writeLoop);
    up.readLoop();
  }

  private void startThread(String role, Runnable body) {
    Thread thread = Sockets.startDaemon("proxy-" + proxy.name() + "-c" + id + "-" + role, body);
    threads.add(thread);
    if (closed.get()) { // closed before the thread was listed: it must not wait forever
      thread.interrupt();
    }
  }

  /** A direction delivered its end of stream; the second one closes the pair normally. */
  void directionEnded(String label) {
    LOG.trace("proxy {}: c{} {} ended", proxy.name(), id, label);
    if (endedDirections.incrementAndGet() == 2 && closed.compareAndSet(false, true)) {
      LOG.debug("proxy {}: c{} closed by both peers", proxy.name(), id);
      release(false);
    }
  }

  /** A read or write failed: the peers see a reset, as they would on a broken link. */
  void failed(String where, IOException error) {
    if (closed.compareAndSet(false, true)) {
      LOG.debug(
          "proxy {}: c{} {} failed ({}), resetting both sides",
          proxy.name(),
          id,
          where,
          error.toString());
      release(true);
    }
  }

  /**
   * Resets both sides (TCP RST) now.
   *
   * @return whether this call closed the connection (false if it was closed already)
   */
  boolean reset() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    LOG.debug("proxy {}: c{} reset", proxy.name(), id);
    release(true);
    return true;
  }

  /** Waits for the connection's threads to end, until {@code deadlineNanos} at most. */
  void join(long deadlineNanos) throws InterruptedException {
    for (Thread thread : threads) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.timedJoin(thread, left);
    }
  }

  private void release(boolean abrupt) {
    Socket upstreamSocket = upstream;
    if (abrupt) {
      Sockets.reset(client);
      if (upstreamSocket != null) {
        Sockets.reset(upstreamSocket);
      }
    } else {
      Sockets.close(client);
      if (upstreamSocket != null) {
        Sockets.close(upstreamSocket);
      }
    }
    Thread current = Thread.currentThread();
    for (Thread thread : threads) {
      if (thread != current) {
        thread.interrupt();
      }
    }
    proxy.closed(this);
  }
}
