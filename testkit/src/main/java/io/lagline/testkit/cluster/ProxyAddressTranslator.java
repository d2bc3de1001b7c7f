package io.lagline.testkit.cluster;

import com.datastax.oss.driver.api.core.addresstranslation.AddressTranslator;
import com.datastax.oss.driver.api.core.config.DriverOption;
import com.datastax.oss.driver.api.core.context.DriverContext;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the driver to a node's proxy instead of the address the node advertises ({@code
 * system.peers_v2}), so every connection to every node goes through its own {@link
 * io.lagline.testkit.proxy.TcpFaultProxy}. The driver instantiates it from {@code
 * advanced.address-translator.class}; the mapping is the string list {@link #MAPPING}, one {@code
 * node-host:port=proxy-host:port} per node. Addresses not listed are used as they are.
 */
public final class ProxyAddressTranslator implements AddressTranslator {

  /** {@code advanced.address-translator.lagline-proxies}: {@code host:port=host:port} entries. */
  public static final DriverOption MAPPING =
      new DriverOption() {
        @Override
        public String getPath() {
          return "advanced.address-translator.lagline-proxies";
        }
      };

  private final Map<InetSocketAddress, InetSocketAddress> mapping;

  /** Called by the driver. */
  public ProxyAddressTranslator(DriverContext context) {
    this(context.getConfig().getDefaultProfile().getStringList(MAPPING, List.of()));
  }

  ProxyAddressTranslator(List<String> entries) {
    Map<InetSocketAddress, InetSocketAddress> parsed = new HashMap<>();
    for (String entry : entries) {
      String[] sides = entry.split("=", 2);
      if (sides.length != 2) {
        throw new IllegalArgumentException(
            MAPPING.getPath() + " entry '" + entry + "' must be node-host:port=proxy-host:port");
      }
      parsed.put(parse(sides[0]), parse(sides[1]));
    }
    this.mapping = Map.copyOf(parsed);
  }

  /** One entry of {@link #MAPPING}. */
  static String entry(InetSocketAddress node, InetSocketAddress proxy) {
    return format(node) + "=" + format(proxy);
  }

  @Override
  public InetSocketAddress translate(InetSocketAddress address) {
    return mapping.getOrDefault(address, address);
  }

  @Override
  public void close() {
    // nothing held
  }

  private static String format(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  private static InetSocketAddress parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException(
          MAPPING.getPath() + " address '" + hostPort + "' must be host:port");
    }
    return new InetSocketAddress(
        hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
