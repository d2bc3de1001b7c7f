package io.lagline.testkit.stack;

import io.lagline.testkit.cassandra.CqlProbe;
import io.lagline.testkit.process.Readiness;
import io.lagline.testkit.pubsub.PubSubEmulator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** Readiness checks for services this JVM did not start (external ones, containers). */
final class ServiceProbes {
  private ServiceProbes() {}

  static void awaitEmulator(String host, String projectId, Duration timeout) {
    PubSubEmulator.awaitAnswer(host, projectId, timeout, null);
  }

  static void awaitCassandra(
      List<InetSocketAddress> contactPoints,
      String localDatacenter,
      String[] credentials,
      Duration timeout) {
    Readiness.await(
        "Cassandra at " + ExternalEndpoints.format(contactPoints),
        timeout,
        null,
        null,
        () -> CqlProbe.releaseVersion(contactPoints, localDatacenter, credentials));
  }
}
