package io.lagline.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyAddressTranslatorTest {
  private static final InetSocketAddress NODE2 = new InetSocketAddress("127.0.0.2", 9042);
  private static final InetSocketAddress PROXY2 = new InetSocketAddress("127.0.0.1", 40002);

  @Test
  void sends_a_node_address_to_its_proxy_and_leaves_others_alone() {
    ProxyAddressTranslator translator =
        new ProxyAddressTranslator(List.of(ProxyAddressTranslator.entry(NODE2, PROXY2)));

    assertThat(ProxyAddressTranslator.entry(NODE2, PROXY2))
        .isEqualTo("127.0.0.2:9042=127.0.0.1:40002");
    assertThat(translator.translate(new InetSocketAddress("127.0.0.2", 9042))).isEqualTo(PROXY2);
    InetSocketAddress node3 = new InetSocketAddress("127.0.0.3", 9042);
    assertThat(translator.translate(node3)).isSameAs(node3);
  }

  @Test
  void rejects_an_entry_it_cannot_read() {
    assertThatThrownBy(() -> new ProxyAddressTranslator(List.of("127.0.0.2:9042")))
        .hasMessage(
            "advanced.address-translator.lagline-proxies entry '127.0.0.2:9042' must be"
                + " node-host:port=proxy-host:port");
    assertThatThrownBy(() -> new ProxyAddressTranslator(List.of("a=127.0.0.1:1")))
        .hasMessage("advanced.address-translator.lagline-proxies address 'a' must be host:port");
  }
}
