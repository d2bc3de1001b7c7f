package io.lagline.testkit.cassandra;

import java.util.List;
import java.util.Objects;

/**
 * Where a node sits in its cluster: the seeds it gossips with first, its snitch, data center and
 * rack, and whether it bootstraps. A single node is its own seed with {@code SimpleSnitch}; the
 * nodes of a local cluster use {@code GossipingPropertyFileSnitch} with one data center.
 *
 * @param seeds {@code host:storagePort} of each seed ({@code seed_provider})
 * @param snitch {@code endpoint_snitch}
 * @param datacenter the node's data center (the one {@code SimpleSnitch} reports is {@value
 *     CassandraNode#LOCAL_DATACENTER})
 * @param rack the node's rack (the one {@code SimpleSnitch} reports is {@value #DEFAULT_RACK})
 * @param autoBootstrap {@code auto_bootstrap}: whether a new non-seed node streams its ranges from
 *     the others; a brand-new, empty cluster has nothing to stream
 */
public record CassandraTopology(
    List<String> seeds, Snitch snitch, String datacenter, String rack, boolean autoBootstrap) {

  public static final String DEFAULT_RACK = "rack1";

  /** The snitches a local node can run with. */
  public enum Snitch {
    /** One data center, {@value CassandraNode#LOCAL_DATACENTER}, and one rack, {@code rack1}. */
    SIMPLE("SimpleSnitch"),
    /** Data center and rack from {@code cassandra-rackdc.properties}, spread by gossip. */
    GOSSIPING_PROPERTY_FILE("GossipingPropertyFileSnitch");

    private final String className;

    Snitch(String className) {
      this.className = className;
    }

    /** The value of {@code endpoint_snitch}. */
    public String className() {
      return className;
    }
  }

  public CassandraTopology {
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("seeds must name at least one host:port, was empty");
    }
    Objects.requireNonNull(snitch, "snitch");
    requireName("datacenter", datacenter);
    requireName("rack", rack);
    if (snitch == Snitch.SIMPLE
        && !(datacenter.equals(CassandraNode.LOCAL_DATACENTER) && rack.equals(DEFAULT_RACK))) {
      throw new IllegalArgumentException(
          "SimpleSnitch reports data center "
              + CassandraNode.LOCAL_DATACENTER
              + " and rack "
              + DEFAULT_RACK
              + ", was "
              + datacenter
              + "/"
              + rack);
    }
  }

  /** A node on its own: its own seed, {@code SimpleSnitch}, Cassandra's default bootstrap. */
  public static CassandraTopology singleNode(CassandraLayout layout) {
    return new CassandraTopology(
        List.of(layout.storageEndpoint()),
        Snitch.SIMPLE,
        CassandraNode.LOCAL_DATACENTER,
        DEFAULT_RACK,
        true);
  }

  /**
   * A node of a new local cluster in one data center and rack: every node listed in {@code seeds},
   * {@code GossipingPropertyFileSnitch}, no bootstrap streaming.
   */
  public static CassandraTopology clusterNode(List<String> seeds, String datacenter) {
    return new CassandraTopology(
        seeds, Snitch.GOSSIPING_PROPERTY_FILE, datacenter, DEFAULT_RACK, false);
  }

  /** The content of {@code cassandra-rackdc.properties}. */
  String rackDcProperties() {
    return "dc=" + datacenter + "\nrack=" + rack + "\n";
  }

  private static void requireName(String name, String value) {
    if (value == null || !value.matches("[A-Za-z0-9_-]{1,48}")) {
      throw new IllegalArgumentException(
          name + " '" + value + "' must be 1-48 letters, digits, '_' or '-'");
    }
  }
}
