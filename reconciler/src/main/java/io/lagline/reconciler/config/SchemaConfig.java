package io.lagline.reconciler.config;

import java.util.Map;

/**
 * What {@code reconciler schema} creates besides the tables.
 *
 * @param replication the keyspace's replication map, e.g. {@code
 *     class=NetworkTopologyStrategy,dc1=3}
 */
public record SchemaConfig(Map<String, String> replication) {}
