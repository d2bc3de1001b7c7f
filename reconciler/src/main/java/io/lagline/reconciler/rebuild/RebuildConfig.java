package io.lagline.reconciler.rebuild;

import io.lagline.reconciler.config.AdminConfig;
import io.lagline.reconciler.config.AuditConfig;
import io.lagline.reconciler.config.CassandraConfig;
import io.lagline.reconciler.config.PubSubConfig;
import io.lagline.reconciler.config.ReconcilerConfig;

/**
 * The configuration a rebuild runs the reconciler with: the service's, pulling the rebuild's own
 * subscription, writing the plan's keyspace, serving {@code /metrics} on the plan's port (so it can
 * run beside a reconciler on the same host), and without the auditor.
 */
final class RebuildConfig {
  private RebuildConfig() {}

  static ReconcilerConfig derive(ReconcilerConfig config, RebuildPlan plan) {
    PubSubConfig p = config.pubsub();
    PubSubConfig pubsub =
        new PubSubConfig(
            plan.subscription(),
            p.topic(),
            p.emulatorHost(),
            p.credentialsFile(),
            p.parallelPullCount(),
            p.maxOutstandingMessages(),
            p.maxOutstandingBytes(),
            p.maxAckExtension(),
            p.executorThreads(),
            p.ackDeadline(),
            p.maxDurationPerAckExtension(),
            p.topicRetention());
    CassandraConfig c = config.cassandra();
    CassandraConfig cassandra =
        new CassandraConfig(
            c.contactPoints(),
            c.localDatacenter(),
            plan.keyspace(),
            c.username(),
            c.password(),
            c.consistency(),
            c.serialConsistency(),
            c.requestTimeout(),
            c.writeConcurrency(),
            c.coalesceSuperseded(),
            c.tls(),
            c.versionCache());
    AuditConfig a = config.audit();
    return new ReconcilerConfig(
        pubsub,
        config.intakeHealth(),
        cassandra,
        config.mappingFile(),
        config.contracts(),
        new AdminConfig(config.admin().host(), plan.metricsPort()),
        config.retry(),
        config.schema(),
        config.deadLetter(),
        config.reconciled(),
        config.outage(),
        config.watermark(),
        new AuditConfig(
            false, a.subscription(), a.sampleRate(), a.gracePeriod(), a.repair(), a.maxHeld()),
        config.shutdown());
  }
}
