package io.lagline.testkit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import java.net.InetSocketAddress;
import java.util.List;
import javax.net.ssl.SSLContext;

/** Driver sessions for nodes run with given {@link CassandraNodeOptions}. */
public final class CassandraClients {
  private CassandraClients() {}

  /**
   * A session builder for nodes run with {@code options}: the contact points and data center, with
   * password authentication the superuser, and with client encryption TLS trusting the test CA.
   */
  public static CqlSessionBuilder sessionBuilder(
      CassandraNodeOptions options, List<InetSocketAddress> contactPoints, String datacenter) {
    CqlSessionBuilder builder =
        CqlSession.builder().addContactPoints(contactPoints).withLocalDatacenter(datacenter);
    SSLContext tls = tlsContext(options);
    if (tls != null) {
      builder =
          builder.withSslEngineFactory(new ProgrammaticSslEngineFactory(tls, null, true, false));
    }
    String[] credentials = options.authenticator().credentials();
    return credentials == null
        ? builder
        : builder.withAuthCredentials(credentials[0], credentials[1]);
  }

  /**
   * A short-lived probe session (small timeouts, no metadata) that talks to {@code node} only,
   * whatever peers it discovers.
   */
  public static CqlSession probeSession(
      CassandraNodeOptions options, InetSocketAddress node, String datacenter) {
    return CqlProbe.open(
        List.of(node), datacenter, options.authenticator().credentials(), tlsContext(options));
  }

  static SSLContext tlsContext(CassandraNodeOptions options) {
    return options.clientEncryption() == null ? null : options.clientEncryption().clientContext();
  }
}
