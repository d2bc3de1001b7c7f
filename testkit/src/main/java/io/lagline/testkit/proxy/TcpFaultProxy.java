package io.lagline.testkit.proxy;

import io.lagline.testkit.TestkitException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on {@code 127.0.0.1} that stands between a client and a server in tests and injects
 * link faults: one-way latency in both directions ({@link #setLatency}), resets of every open
 * connection ({@link #resetAll}), refused connections ({@link #refuse}) and timed outages ({@link
 * #outage}). It forwards bytes unchanged, so any protocol works through it (Cassandra's native
 * protocol, gRPC over HTTP/2).
 *
 * <p>Latency is a pipeline delay: each chunk read is written when its due time comes, while later
 * chunks are already being read, so throughput stays high; at most {@link
 * #MAX_BUFFERED_BYTES_PER_DIRECTION} per direction and connection wait in the proxy. Each
 * connection uses four daemon threads named {@code proxy-<name>-c<id>-...}; the listener is {@code
 * proxy-<name>-accept}.
 */
public final class TcpFaultProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TcpFaultProxy.class);

  /** Bytes (plus a small per-chunk overhead) one direction of one connection may hold. */
  public static final int MAX_BUFFERED_BYTES_PER_DIRECTION = 8 * 1024 * 1024;

  private static final int BACKLOG = 128;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final String name;
  private final InetSocketAddress upstream;
  private final ServerSocket listener;
  private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
  private final RefusalSwitch refusal;
  private final AtomicLong nextConnectionId = new AtomicLong();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder reset = new LongAdder();
  private final LongAdder bytesUpstream = new LongAdder();
  private final LongAdder bytesDownstream = new LongAdder();
  private volatile long latencyNanos;
  private volatile boolean closed;
  private final Thread acceptor;

  private TcpFaultProxy(String name, InetSocketAddress upstream, ServerSocket listener) {
    this.name = name;
    this.upstream = upstream;
    this.listener = listener;
    this.refusal = new RefusalSwitch(name);
    this.acceptor = Sockets.startDaemon("proxy-" + name + "-accept", this::acceptLoop);
  }

  /**
   * Listens on {@code 127.0.0.1} on a free port and forwards every accepted connection to {@code
   * upstream}, with no latency and no faults until told otherwise.
   *
   * @param name short name for thread names and logs, e.g. {@code "cassandra"}
   * @throws TestkitException if no port can be bound
   */
  public static TcpFaultProxy start(String name, InetSocketAddress upstream) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(upstream, "upstream");
    ServerSocket listener = null;
    try {
      listener = new ServerSocket();
      listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), BACKLOG);
    } catch (IOException e) {
      if (listener != null) {
        closeQuietly(listener);
      }
      throw new TestkitException("proxy " + name + ": cannot listen on 127.0.0.1: " + e, e);
    }
    TcpFaultProxy proxy = new TcpFaultProxy(name, upstream, listener);
    LOG.debug("proxy {}: 127.0.0.1:{} -> {}", name, proxy.port(), upstream);
    return proxy;
  }

  /** The local listening port. */
  public int port() {
    return listener.getLocalPort();
  }

  /** {@code "127.0.0.1:" + port()}, e.g. for {@code PUBSUB_EMULATOR_HOST} or a contact point. */
  public String hostPort() {
    return "127.0.0.1:" + port();
  }

  /** The server every connection is forwarded to. */
  public InetSocketAddress upstream() {
    return upstream;
  }

  /**
   * Delays every chunk read from now on by {@code oneWay}, in both directions; a round trip takes
   * twice as long. {@link Duration#ZERO} (the default) adds none. Chunks already waiting keep their
   * due time.
   */
  public void setLatency(Duration oneWay) {
    Objects.requireNonNull(oneWay, "oneWay");
    if (oneWay.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or more, was " + oneWay);
    }
    latencyNanos = oneWay.toNanos();
    LOG.debug("proxy {}: latency {} each way", name, oneWay);
  }

  /** The current one-way latency. */
  public Duration latency() {
    return Duration.ofNanos(latencyNanos);
  }

  /** Resets (TCP RST, both sides) every open connection; new connections still work. */
  public void resetAll() {
    int count = 0;
    for (ProxyConnection connection : connections) {
      if (connection.reset()) {
        count++;
      }
    }
    reset.add(count);
    LOG.debug("proxy {}: reset {} connections", name, count);
  }

  /**
   * While {@code true}, new connections are accepted and reset at once, as by a server that is
   * down; open connections keep working. Cancels the end of a running {@link #outage}.
   */
  public void refuse(boolean refusing) {
    refusal.set(refusing);
  }

  /** Whether new connections are being refused. */
  public boolean isRefusing() {
    return refusal.isOn();
  }

  /**
   * A link outage, without blocking: refuses new connections, resets every open one, and stops
   * refusing after {@code duration} on a background timer (unless {@link #refuse} or another outage
   * was called meanwhile).
   */
  public void outage(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (closed) {
      throw new IllegalStateException("proxy " + name + " is closed");
    }
    LOG.debug("proxy {}: outage for {}", name, duration);
    refusal.setFor(duration);
    resetAll();
  }

  /** Counters since start. */
  public ProxyStats stats() {
    return new ProxyStats(
        accepted.sum(),
        refused.sum(),
        reset.sum(),
        connections.size(),
        bytesUpstream.sum(),
        bytesDownstream.sum());
  }

  /** Stops listening, resets every open connection and waits (briefly) for the threads to end. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(listener);
    refusal.close();
    List<ProxyConnection> open = List.copyOf(connections);
    open.forEach(ProxyConnection::reset);
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    try {
      TimeUnit.NANOSECONDS.timedJoin(acceptor, Math.max(1, deadline - System.nanoTime()));
      for (ProxyConnection connection : open) {
        connection.join(deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.debug("proxy {}: closed, {}", name, stats());
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.debug("proxy {}: accept failed: {}", name, e.toString());
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // e.g. out of file handles
        }
        continue;
      }
      accepted.increment();
      if (refusal.isOn()) {
        refused.increment();
        LOG.trace("proxy {}: refused {}", name, client.getRemoteSocketAddress());
        Sockets.reset(client);
        continue;
      }
      handle(client);
    }
  }

  private void handle(Socket client) {
    try {
      client.setTcpNoDelay(true);
    } catch (IOException e) {
      Sockets.reset(client);
      return;
    }
    ProxyConnection connection =
        new ProxyConnection(this, nextConnectionId.incrementAndGet(), client);
    connections.add(connection);
    if (closed) { // close() may have missed it
      connection.reset();
      return;
    }
    connection.start();
  }

  String name() {
    return name;
  }

  long latencyNanos() {
    return latencyNanos;
  }

  LongAdder bytesUpstreamCounter() {
    return bytesUpstream;
  }

  LongAdder bytesDownstreamCounter() {
    return bytesDownstream;
  }

  void closed(ProxyConnection connection) {
    connections.remove(connection);
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
