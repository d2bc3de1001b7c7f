package io.lagline.testkit.cassandra;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Renders a minimal {@code cassandra.yaml} for one local node: loopback addresses, the layout's
 * ports and directories, small memtables and caches, and timeouts that tolerate a busy two-core
 * machine. Keys not written keep Cassandra 5.0's defaults.
 */
public final class CassandraYaml {
  private CassandraYaml() {}

  /** A single node's configuration: its own seed, {@code SimpleSnitch}. */
  public static String render(CassandraNodeOptions options, CassandraLayout layout) {
    return render(options, layout, CassandraTopology.singleNode(layout));
  }

  /** The configuration of a node with {@code topology}'s seeds, snitch and bootstrap. */
  public static String render(
      CassandraNodeOptions options, CassandraLayout layout, CassandraTopology topology) {
    StringBuilder y = new StringBuilder(2048);
    line(y, "cluster_name", quote(options.clusterName()));
    line(y, "num_tokens", options.numTokens());
    line(y, "partitioner", "org.apache.cassandra.dht.Murmur3Partitioner");
    // a fresh single node has nothing to stay compatible with; NONE enables the 5.0 storage formats
    line(y, "storage_compatibility_mode", "NONE");
    y.append("data_file_directories:\n  - ").append(quote(layout.dataDir())).append('\n');
    line(y, "commitlog_directory", quote(layout.commitlogDir()));
    line(y, "saved_caches_directory", quote(layout.savedCachesDir()));
    line(y, "hints_directory", quote(layout.hintsDir()));
    line(y, "cdc_raw_directory", quote(layout.cdcRawDir()));
    line(y, "commitlog_sync", options.commitLogSync().yamlValue());
    if (options.commitLogSync().windowKey() != null) {
      line(y, options.commitLogSync().windowKey(), millis(options.commitLogSyncWindow()));
    }
    y.append("seed_provider:\n")
        .append("  - class_name: org.apache.cassandra.locator.SimpleSeedProvider\n")
        .append("    parameters:\n")
        .append("      - seeds: \"")
        .append(String.join(",", topology.seeds()))
        .append("\"\n");
    if (!topology.autoBootstrap()) {
      line(y, "auto_bootstrap", false);
    }
    line(y, "listen_address", layout.address());
    line(y, "rpc_address", layout.address());
    line(y, "storage_port", layout.storagePort());
    line(y, "native_transport_port", layout.nativePort());
    line(y, "start_native_transport", true);
    line(y, "endpoint_snitch", topology.snitch().className());
    line(y, "authenticator", options.authenticator().authenticatorClass());
    line(y, "authorizer", options.authenticator().authorizerClass());
    line(y, "role_manager", "CassandraRoleManager");
    line(y, "paxos_variant", options.paxosVariant());
    line(y, "concurrent_reads", 8);
    line(y, "concurrent_writes", 16);
    line(y, "concurrent_counter_writes", 8);
    line(y, "concurrent_materialized_view_writes", 4);
    line(y, "concurrent_compactors", 1);
    line(y, "memtable_heap_space", "128MiB");
    line(y, "memtable_offheap_space", "128MiB");
    line(y, "key_cache_size", "16MiB");
    line(y, "counter_cache_size", "4MiB");
    line(y, "prepared_statements_cache_size", "16MiB");
    line(y, "file_cache_size", "32MiB");
    line(y, "index_summary_capacity", "16MiB");
    // DROP and TRUNCATE in tests should not leave a snapshot behind each time
    line(y, "auto_snapshot", false);
    line(y, "write_request_timeout", millis(options.writeTimeout()));
    line(y, "counter_write_request_timeout", millis(options.writeTimeout()));
    line(y, "cas_contention_timeout", millis(options.casContentionTimeout()));
    line(y, "read_request_timeout", millis(options.readTimeout()));
    line(y, "range_request_timeout", millis(options.readTimeout()));
    line(y, "request_timeout", millis(options.readTimeout()));
    line(y, "truncate_request_timeout", "60000ms");
    TestCertificates tls = options.clientEncryption();
    if (tls != null) {
      // TLS only: a plaintext client is not served (optional: false), as on managed services
      y.append("client_encryption_options:\n");
      y.append("  enabled: true\n");
      y.append("  optional: false\n");
      y.append("  keystore: ").append(quote(tls.serverKeystore())).append('\n');
      y.append("  keystore_password: ").append(quote(tls.password())).append('\n');
      y.append("  store_type: PKCS12\n");
      y.append("  require_client_auth: false\n");
    }
    return y.toString();
  }

  private static void line(StringBuilder y, String key, Object value) {
    y.append(key).append(": ").append(value).append('\n');
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + "ms";
  }

  /** A YAML single-quoted scalar. */
  static String quote(Object value) {
    String text =
        value instanceof Path path ? path.toAbsolutePath().toString() : String.valueOf(value);
    return "'" + text.replace("'", "''") + "'";
  }
}
