package io.lagline.reconciler.config;

import java.nio.file.Path;

/**
 * The reconciler's whole configuration: one immutable tree, loaded and validated once at start-up
 * by {@link ConfigLoader}.
 *
 * @param pubsub the subscription to pull
 * @param intakeHealth when the streaming pull counts as broken or stalled
 * @param cassandra the cluster to write
 * @param mappingFile the YAML mapping of event types to tables
 * @param contracts where the payload schemas are read: a directory, {@link #BUNDLED_CONTRACTS}, or
 *     null when payloads are not checked
 * @param admin the admin HTTP endpoint
 * @param retry in-process write retries
 * @param schema what {@code reconciler schema} creates
 * @param deadLetter where poison events go
 * @param reconciled the reconciled stream, notifications of settled events
 * @param outage when intake pauses because Cassandra is out
 * @param watermark how heartbeat watermarks are tracked per producer
 * @param audit the optional convergence auditor
 * @param shutdown how SIGTERM is handled
 */
public record ReconcilerConfig(
    PubSubConfig pubsub,
    IntakeHealthConfig intakeHealth,
    CassandraConfig cassandra,
    Path mappingFile,
    String contracts,
    AdminConfig admin,
    RetryConfig retry,
    SchemaConfig schema,
    DeadLetterConfig deadLetter,
    ReconciledConfig reconciled,
    OutageConfig outage,
    WatermarkConfig watermark,
    AuditConfig audit,
    ShutdownConfig shutdown) {

  /** {@code contracts.dir} value: the copy of the repository's {@code contracts/} in this build. */
  public static final String BUNDLED_CONTRACTS = "bundled";
}
