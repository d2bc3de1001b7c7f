package io.lagline.testkit.cluster;

import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import io.lagline.testkit.cassandra.CassandraClients;
import io.lagline.testkit.cassandra.CassandraNode;
import io.lagline.testkit.proxy.TcpFaultProxy;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TcpFaultProxy} in front of each node's native port, and driver sessions that reach every
 * node through its proxy (the proxies are the contact points, and {@link ProxyAddressTranslator}
 * maps the addresses the nodes advertise to them). {@code proxy(2).outage(...)} or {@code
 * resetAll()} then cuts node 2 off from the client while it still talks to its peers; {@code
 * setLatency} slows the link to one node only.
 *
 * <pre>{@code
 * try (NodeProxies proxies = NodeProxies.start(cluster);
 *     CqlSession session = proxies.sessionBuilder().build()) {
 *   proxies.proxy(2).refuse(true);
 *   proxies.proxy(2).resetAll();
 * }
 * }</pre>
 */
public final class NodeProxies implements AutoCloseable {
  private final CassandraCluster cluster;
  private final List<TcpFaultProxy> proxies;

  private NodeProxies(CassandraCluster cluster, List<TcpFaultProxy> proxies) {
    this.cluster = cluster;
    this.proxies = List.copyOf(proxies);
  }

  /** Starts one proxy per node, on {@code 127.0.0.1} free ports. */
  public static NodeProxies start(CassandraCluster cluster) {
    List<TcpFaultProxy> proxies = new ArrayList<>();
    try {
      for (CassandraNode node : cluster.nodes()) {
        proxies.add(TcpFaultProxy.start("node" + (proxies.size() + 1), node.contactPoint()));
      }
    } catch (RuntimeException e) {
      proxies.forEach(TcpFaultProxy::close);
      throw e;
    }
    return new NodeProxies(cluster, proxies);
  }

  /** The proxy in front of node {@code number} (from 1). */
  public TcpFaultProxy proxy(int number) {
    cluster.node(number);
    return proxies.get(number - 1);
  }

  /** The proxies' addresses, node 1's first. */
  public List<InetSocketAddress> contactPoints() {
    return proxies.stream().map(p -> new InetSocketAddress("127.0.0.1", p.port())).toList();
  }

  /**
   * Driver configuration that translates every node's address to its proxy's; add options before
   * {@code build()}.
   */
  public ProgrammaticDriverConfigLoaderBuilder configLoaderBuilder() {
    List<String> mapping = new ArrayList<>();
    for (int i = 0; i < proxies.size(); i++) {
      mapping.add(
          ProxyAddressTranslator.entry(
              cluster.nodes().get(i).contactPoint(), contactPoints().get(i)));
    }
    return DriverConfigLoader.programmaticBuilder()
        .withString(
            DefaultDriverOption.ADDRESS_TRANSLATOR_CLASS, ProxyAddressTranslator.class.getName())
        .withStringList(ProxyAddressTranslator.MAPPING, mapping);
  }

  /**
   * The same translation for a driver in another JVM, as the system properties the driver reads
   * over its own configuration ({@code -Ddatastax-java-driver.advanced.address-translator...});
   * that JVM needs {@link #translatorClasspath()} on its class path.
   */
  public List<String> driverSystemProperties() {
    String prefix = "-Ddatastax-java-driver.";
    List<String> flags = new ArrayList<>();
    flags.add(
        prefix
            + DefaultDriverOption.ADDRESS_TRANSLATOR_CLASS.getPath()
            + "="
            + ProxyAddressTranslator.class.getName());
    for (int i = 0; i < proxies.size(); i++) {
      flags.add(
          prefix
              + ProxyAddressTranslator.MAPPING.getPath()
              + "."
              + i
              + "="
              + ProxyAddressTranslator.entry(
                  cluster.nodes().get(i).contactPoint(), contactPoints().get(i)));
    }
    return flags;
  }

  /** Where {@link ProxyAddressTranslator} was loaded from: a jar or a classes directory. */
  public static String translatorClasspath() {
    try {
      return Path.of(
              ProxyAddressTranslator.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + ProxyAddressTranslator.class, e);
    }
  }

  /** A session builder that reaches every node through its proxy. */
  public CqlSessionBuilder sessionBuilder() {
    return CassandraClients.sessionBuilder(
            cluster.nodes().get(0).options(), contactPoints(), cluster.localDatacenter())
        .withConfigLoader(configLoaderBuilder().build());
  }

  /** Closes every proxy (resetting its connections). */
  @Override
  public void close() {
    proxies.forEach(TcpFaultProxy::close);
  }
}
