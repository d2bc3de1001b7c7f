package io.lagline.testkit.proxy;

/**
 * What a {@link TcpFaultProxy} has done since it started.
 *
 * @param connectionsAccepted client connections accepted by the listener, refused ones included
 * @param connectionsRefused connections reset right after accept because the proxy was refusing
 * @param connectionsReset open connections reset by {@link TcpFaultProxy#resetAll()} (or an outage)
 * @param openConnections connections open now
 * @param bytesUpstream bytes read from clients, to forward to the upstream server
 * @param bytesDownstream bytes read from the upstream server, to forward to clients
 */
public record ProxyStats(
    long connectionsAccepted,
    long connectionsRefused,
    long connectionsReset,
    int openConnections,
    long bytesUpstream,
    long bytesDownstream) {}
