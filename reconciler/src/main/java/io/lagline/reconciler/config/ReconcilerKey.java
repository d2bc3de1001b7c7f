package io.lagline.reconciler.config;

import static io.lagline.config.KeyRule.choice;
import static io.lagline.config.KeyRule.decimalAbove;
import static io.lagline.config.KeyRule.duration;
import static io.lagline.config.KeyRule.file;
import static io.lagline.config.KeyRule.flag;
import static io.lagline.config.KeyRule.integer;
import static io.lagline.config.KeyRule.requiredFile;
import static io.lagline.config.KeyRule.requiredList;
import static io.lagline.config.KeyRule.requiredText;
import static io.lagline.config.KeyRule.secret;
import static io.lagline.config.KeyRule.text;
import static io.lagline.reconciler.config.KeyForms.HOST_PORT;
import static io.lagline.reconciler.config.KeyForms.IDENTIFIER;
import static io.lagline.reconciler.config.KeyForms.SUBSCRIPTION;
import static io.lagline.reconciler.config.KeyForms.TOPIC;
import static java.time.Duration.ZERO;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import io.lagline.config.ConfigKey;
import io.lagline.config.KeyRule;

/**
 * Every key of the reconciler's configuration, declared once: its path, its rule (type, range or
 * form, and default: the defaults are the {@code DEFAULT_*} constants of the config records) and
 * what it does. {@link ConfigLoader} reads by these keys, messages name them by {@link #path()},
 * and the README's configuration reference is this list rendered ({@code ConfigReferenceTest}).
 * Each key can be overridden by its environment variable, {@link #envName()}.
 */
public enum ReconcilerKey implements ConfigKey {
  PUBSUB_SUBSCRIPTION(
      "pubsub.subscription",
      requiredText(SUBSCRIPTION, KeyForms.SUBSCRIPTION_FORM),
      "the subscription the reconciler pulls"),
  PUBSUB_TOPIC(
      "pubsub.topic",
      text(TOPIC, KeyForms.TOPIC_FORM),
      "the topic the subscription reads; needed by `provision`, `dlq replay` and `audit.repair`"),
  PUBSUB_TOPIC_RETENTION(
      "pubsub.topic-retention",
      duration(
          PubSubConfig.DEFAULT_TOPIC_RETENTION,
          PubSubConfig.MIN_TOPIC_RETENTION,
          PubSubConfig.MAX_TOPIC_RETENTION),
      "how long `pubsub.topic` keeps every message, acked or not: the reach of a rebuild. Set by"
          + " `provision`, which raises a shorter one and leaves a longer one; billed as storage"),
  PUBSUB_DEAD_LETTER_TOPIC(
      "pubsub.dead-letter.topic",
      requiredText(TOPIC, KeyForms.TOPIC_FORM),
      "where poison events are published (with `dlq_*` attributes); not `pubsub.topic`"),
  PUBSUB_DEAD_LETTER_SUBSCRIPTION(
      "pubsub.dead-letter.subscription",
      text(SUBSCRIPTION, KeyForms.SUBSCRIPTION_FORM),
      "a subscription on the dead-letter topic, read by `dlq list` and `dlq replay`"),
  PUBSUB_DEAD_LETTER_MAX_DELIVERY_ATTEMPTS(
      "pubsub.dead-letter.max-delivery-attempts",
      integer(DeadLetterConfig.DEFAULT_MAX_DELIVERY_ATTEMPTS, 5, 100),
      "the subscription's own last-resort dead-letter policy, set by `provision`"),
  PUBSUB_ACK_DEADLINE(
      "pubsub.ack-deadline",
      duration(PubSubConfig.DEFAULT_ACK_DEADLINE, ofSeconds(10), ofMinutes(10)),
      "the subscription's ack deadline, set by `provision`"),
  PUBSUB_EMULATOR_HOST(
      "pubsub.emulator-host",
      text(HOST_PORT, "host:port, e.g. 127.0.0.1:8085").unsetMeans("`$PUBSUB_EMULATOR_HOST`"),
      "a Pub/Sub emulator; unset, and without `$PUBSUB_EMULATOR_HOST`: Google Cloud"),
  PUBSUB_CREDENTIALS_FILE(
      "pubsub.credentials-file",
      file(true).unsetMeans("ADC"),
      "service-account JSON key or `external_account` credential configuration (Workload Identity"
          + " Federation, see deploy/README.md); unset: Application Default Credentials"),
  PUBSUB_PARALLEL_PULL_COUNT(
      "pubsub.parallel-pull-count",
      integer(PubSubConfig.DEFAULT_PARALLEL_PULL_COUNT, 1, 64),
      "streaming-pull streams (the emulator paces each near 2k msgs/s)"),
  PUBSUB_FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES(
      "pubsub.flow-control.max-outstanding-messages",
      integer(PubSubConfig.DEFAULT_MAX_OUTSTANDING_MESSAGES, 1, 1_000_000),
      "messages held unacked: the reconciler's back pressure. The client counts across its"
          + " streams, but Pub/Sub may send each stream up to this many, so up to"
          + " `parallel-pull-count` × this can sit leased in the client's buffer"),
  PUBSUB_FLOW_CONTROL_MAX_OUTSTANDING_BYTES(
      "pubsub.flow-control.max-outstanding-bytes",
      integer(PubSubConfig.DEFAULT_MAX_OUTSTANDING_BYTES, 1024, Long.MAX_VALUE),
      "bytes held unacked (the default is 100 MiB)"),
  PUBSUB_MAX_ACK_EXTENSION(
      "pubsub.max-ack-extension",
      duration(PubSubConfig.DEFAULT_MAX_ACK_EXTENSION, ofSeconds(10), ofHours(24)),
      "how long a held message's deadline is extended at most; also its write retries' budget"),
  PUBSUB_MAX_DURATION_PER_ACK_EXTENSION(
      "pubsub.max-duration-per-ack-extension",
      duration(PubSubConfig.DEFAULT_MAX_DURATION_PER_ACK_EXTENSION, ofSeconds(10), ofMinutes(10)),
      "each lease renewal extends a held message by at most this, so a crashed instance's"
          + " messages return within about this long"),
  PUBSUB_EXECUTOR_THREADS(
      "pubsub.executor-threads",
      integer(PubSubConfig.DEFAULT_EXECUTOR_THREADS, 1, 256),
      "threads running the receiver callbacks (they never block)"),
  PUBSUB_STREAM_ERROR_WINDOW(
      "pubsub.stream-error-window",
      duration(IntakeHealthConfig.DEFAULT_STREAM_ERROR_WINDOW, ofSeconds(10), ofHours(1)),
      "how far back streaming-pull errors are counted (the client reconnects after each one)"),
  PUBSUB_STREAM_ERROR_THRESHOLD(
      "pubsub.stream-error-threshold",
      integer(IntakeHealthConfig.DEFAULT_STREAM_ERROR_THRESHOLD, 1, 1000),
      "errors within the window from which each burst is logged at WARN (at most once a minute,"
          + " with a count and the last cause), and `/health/ready` fails (`stream_not_erroring`)"
          + " while no message was received after them. One error is normal: Pub/Sub closes"
          + " streams now and then"),
  PUBSUB_STALL_TIMEOUT(
      "pubsub.stall-timeout",
      duration(IntakeHealthConfig.DEFAULT_STALL_TIMEOUT, ofSeconds(10), ofHours(1)),
      "`/health/ready` fails (`progressing`) when messages are held and none was acked or nacked"
          + " for this long"),
  PUBSUB_RECONCILED_TOPIC(
      "pubsub.reconciled.topic",
      text(TOPIC, KeyForms.TOPIC_FORM),
      "the reconciled stream: a notification is published here once an event's writes are"
          + " confirmed, before its message is acked (docs/CONTRACT.md); unset: none"),
  PUBSUB_RECONCILED_SUBSCRIPTION(
      "pubsub.reconciled.subscription",
      text(SUBSCRIPTION, KeyForms.SUBSCRIPTION_FORM),
      "a subscription on the reconciled topic for a downstream consumer, created by `provision`"),
  PUBSUB_RECONCILED_INCLUDE_PAYLOAD(
      "pubsub.reconciled.include-payload",
      flag(ReconciledConfig.DEFAULT_INCLUDE_PAYLOAD),
      "copy the event's payload into its notification (else only the attributes)"),
  PUBSUB_RECONCILED_ORDERING(
      "pubsub.reconciled.ordering",
      flag(ReconciledConfig.DEFAULT_ORDERING),
      "publish notifications with the entity key as ordering key"),
  PUBSUB_RECONCILED_OUTCOMES(
      "pubsub.reconciled.outcomes",
      KeyRule.list("applied, duplicate, stale, superseded").unsetMeans("all four"),
      "the outcomes notified; an event with another one is acked without a notification"),
  PUBSUB_RECONCILED_NOTIFY_REPLAYS(
      "pubsub.reconciled.notify-replays",
      flag(ReconciledConfig.DEFAULT_NOTIFY_REPLAYS),
      "notify the events `reconciler rebuild` settles, marked `reconciled_replay=true` (else a"
          + " rebuild notifies nothing)"),
  CASSANDRA_CONTACT_POINTS(
      "cassandra.contact-points",
      requiredList("host:port, e.g. 10.0.0.5:9042"),
      "nodes of the local datacenter the driver connects to first"),
  CASSANDRA_LOCAL_DATACENTER(
      "cassandra.local-datacenter",
      requiredText(null, "a datacenter name"),
      "the datacenter the reconciler runs in; requests stay there"),
  CASSANDRA_KEYSPACE(
      "cassandra.keyspace",
      requiredText(IDENTIFIER, "a lower-case CQL identifier: [a-z][a-z0-9_]{0,47}"),
      "the keyspace holding the mapped tables"),
  CASSANDRA_USERNAME(
      "cassandra.username",
      text("a user name"),
      "with `cassandra.password`, for PasswordAuthenticator"),
  CASSANDRA_PASSWORD(
      "cassandra.password",
      secret(),
      "**secret**: give it by environment or a file, never in the YAML; masked in every message"),
  CASSANDRA_TLS_ENABLED(
      "cassandra.tls.enabled",
      flag(CassandraTls.DEFAULT_ENABLED),
      "client encryption (TLS) to every node; needs `cassandra.tls.ca-file` or"
          + " `cassandra.tls.truststore-file`. Managed services (e.g. Azure Managed Instance for"
          + " Apache Cassandra) require it"),
  CASSANDRA_TLS_CA_FILE(
      "cassandra.tls.ca-file",
      file(true),
      "PEM bundle of the CA certificates the nodes' certificates must chain to"),
  CASSANDRA_TLS_TRUSTSTORE_FILE(
      "cassandra.tls.truststore-file",
      file(true),
      "a JKS or PKCS12 truststore, instead of (or with) `cassandra.tls.ca-file`"),
  CASSANDRA_TLS_TRUSTSTORE_PASSWORD(
      "cassandra.tls.truststore-password",
      secret(),
      "**secret**: the truststore's password, if it has one"),
  CASSANDRA_TLS_CERT_FILE(
      "cassandra.tls.cert-file",
      file(true),
      "mutual TLS: the client's PEM certificate (chain), with `cassandra.tls.key-file`"),
  CASSANDRA_TLS_KEY_FILE(
      "cassandra.tls.key-file",
      file(true),
      "mutual TLS: the client's private key, unencrypted PKCS#8 PEM (`BEGIN PRIVATE KEY`)"),
  CASSANDRA_TLS_KEYSTORE_FILE(
      "cassandra.tls.keystore-file",
      file(true),
      "mutual TLS: a JKS or PKCS12 keystore with the client's key and certificate, instead of"
          + " the PEM pair"),
  CASSANDRA_TLS_KEYSTORE_PASSWORD(
      "cassandra.tls.keystore-password",
      secret(),
      "**secret**: the keystore's password (also its key's); required with the keystore"),
  CASSANDRA_TLS_HOSTNAME_VERIFICATION(
      "cassandra.tls.hostname-verification",
      flag(CassandraTls.DEFAULT_HOSTNAME_VERIFICATION),
      "the node's certificate must name the address connected to (SAN); turn off only for"
          + " certificates that cannot"),
  CASSANDRA_CONSISTENCY(
      "cassandra.consistency",
      choice(CassandraConfig.DEFAULT_CONSISTENCY),
      "commit-phase consistency (not a serial level)"),
  CASSANDRA_SERIAL_CONSISTENCY(
      "cassandra.serial-consistency",
      choice(CassandraConfig.DEFAULT_SERIAL_CONSISTENCY),
      "Paxos-phase consistency: `serial` or `local-serial`"),
  CASSANDRA_REQUEST_TIMEOUT(
      "cassandra.request-timeout",
      duration(CassandraConfig.DEFAULT_REQUEST_TIMEOUT, ofMillis(100), ofMinutes(10)),
      "how long the driver waits for one statement"),
  CASSANDRA_WRITE_CONCURRENCY(
      "cassandra.write-concurrency",
      choice(WriteConcurrency.DEFAULT_MODE),
      "`adaptive`: the writes in flight follow Cassandra's latency (a gradient limit from Netflix"
          + " concurrency-limits: it grows while latency holds steady, e.g. behind a slower link,"
          + " and falls when latency climbs or writes time out); `fixed`: always"
          + " `cassandra.max-concurrent-writes`"),
  CASSANDRA_MAX_CONCURRENT_WRITES(
      "cassandra.max-concurrent-writes",
      integer(WriteConcurrency.DEFAULT_MAX, 1, 100_000),
      "statements in flight at most (the adaptive limit's ceiling); more wait in a queue"),
  CASSANDRA_MIN_CONCURRENT_WRITES(
      "cassandra.min-concurrent-writes",
      integer(WriteConcurrency.DEFAULT_MIN, 1, 100_000),
      "the adaptive limit's floor, at most the maximum (it starts at 64, within the bounds)"),
  CASSANDRA_COALESCE_SUPERSEDED(
      "cassandra.coalesce-superseded",
      flag(CassandraConfig.DEFAULT_COALESCE_SUPERSEDED),
      "while a write of an entity runs, newer versions of it that arrive wait in one slot and"
          + " only the newest is written; the others are acked as `superseded` once it is"
          + " durable. Only for events whose every write is upsert-if-newer"),
  CASSANDRA_VERSION_CACHE_MAX_ENTRIES(
      "cassandra.version-cache.max-entries",
      integer(VersionCacheConfig.DEFAULT_MAX_ENTRIES, 0, 10_000_000),
      "rows whose stored version the reconciler remembers from Cassandra's confirmed answers, so a"
          + " redelivered or stale event is answered without a round trip (docs/RUNBOOK.md);"
          + " a few hundred bytes of heap each; 0 turns the cache off"),
  CASSANDRA_VERSION_CACHE_EXPIRE_AFTER(
      "cassandra.version-cache.expire-after",
      duration(VersionCacheConfig.DEFAULT_EXPIRE_AFTER, ofSeconds(1), ofDays(7)),
      "how long a remembered version is trusted after Cassandra last confirmed it: bounds the"
          + " effect of rows changed outside Lagline (a hard delete, a truncate, a restore)"),
  MAPPING_FILE(
      "mapping.file",
      requiredFile(false),
      "the mapping YAML; a relative path is read from the config file's folder"),
  CONTRACTS_DIR(
      "contracts.dir",
      text("a directory, or `bundled`"),
      "payload schemas (`<event type>/<schema version>.json`, docs/CONTRACT.md): each event is"
          + " validated on intake and dead-lettered as `schema_violation` when it breaks its schema,"
          + " and the mapping is checked against them at start-up; `bundled` is the copy of"
          + " `contracts/` in this build; a relative path is read from the config file's folder;"
          + " unset: payloads are not checked"),
  ADMIN_HOST(
      "admin.host",
      text("an address").withDefault(AdminConfig.DEFAULT_HOST),
      "address the admin endpoint binds"),
  ADMIN_PORT(
      "admin.port",
      integer(AdminConfig.DEFAULT_PORT, 0, 65535),
      "port of the admin endpoint (`/metrics`, `/health/live`, `/health/ready`); 0: any free one"),
  RETRY_MAX_ATTEMPTS(
      "retry.max-attempts",
      integer(RetryConfig.DEFAULT_MAX_ATTEMPTS, 1, 100),
      "attempts per write before the message is nacked (waiting out an outage is not one)"),
  RETRY_INITIAL_BACKOFF(
      "retry.initial-backoff",
      duration(RetryConfig.DEFAULT_INITIAL_BACKOFF, ofMillis(1), ofMinutes(1)),
      "first retry delay, doubling, with jitter"),
  RETRY_MAX_BACKOFF(
      "retry.max-backoff",
      duration(RetryConfig.DEFAULT_MAX_BACKOFF, ofMillis(1), ofMinutes(10)),
      "longest retry delay, at least `retry.initial-backoff`"),
  OUTAGE_FAILURE_RATE_PERCENT(
      "outage.failure-rate-percent",
      integer(OutageConfig.DEFAULT_FAILURE_RATE_PERCENT, 1, 100),
      "share of write attempts failing for infrastructure reasons that pauses intake"),
  OUTAGE_MIN_WRITES(
      "outage.min-writes",
      integer(OutageConfig.DEFAULT_MIN_WRITES, 1, 100_000),
      "attempts within `outage.window` before the rate counts"),
  OUTAGE_WINDOW(
      "outage.window",
      duration(OutageConfig.DEFAULT_WINDOW, ofSeconds(1), ofMinutes(10)),
      "the sliding window of that rate"),
  OUTAGE_PROBE_INTERVAL(
      "outage.probe-interval",
      duration(OutageConfig.DEFAULT_PROBE_INTERVAL, ofMillis(100), ofMinutes(10)),
      "while paused, how often one held write is let through to probe Cassandra"),
  SHUTDOWN_DRAIN_TIMEOUT(
      "shutdown.drain-timeout",
      duration(ShutdownConfig.DEFAULT_DRAIN_TIMEOUT, ZERO, ofMinutes(10)),
      "on SIGTERM, how long in-flight messages may finish before the rest are nacked"),
  SCHEMA_REPLICATION(
      "schema.replication",
      KeyRule.map(
          "a map, e.g. {class: NetworkTopologyStrategy, dc1: 3}",
          "`{class: NetworkTopologyStrategy, <local-datacenter>: 3}`"),
      "the keyspace's replication for `reconciler schema`"),
  WATERMARK_MAX_PRODUCERS(
      "watermark.max-producers",
      integer(WatermarkConfig.DEFAULT_MAX_PRODUCERS, 1, 10_000),
      "producers whose heartbeat watermark is tracked (the `producer` tag's bound); beyond, the"
          + " one heard from longest ago is dropped"),
  WATERMARK_FORGET_AFTER(
      "watermark.forget-after",
      duration(WatermarkConfig.DEFAULT_FORGET_AFTER, ofMinutes(1), ofDays(7)),
      "a producer whose newest durable heartbeat trails another producer's by more than this is"
          + " forgotten (stopped, or restarted under a new id); a reconciler that applies nothing"
          + " forgets nobody"),
  AUDIT_ENABLED(
      "audit.enabled",
      flag(AuditConfig.DEFAULT_ENABLED),
      "run the convergence auditor inside `reconciler run`"),
  AUDIT_SUBSCRIPTION(
      "audit.subscription",
      text(SUBSCRIPTION, KeyForms.SUBSCRIPTION_FORM),
      "the auditor's own subscription on `pubsub.topic`; required when enabled and by"
          + " `reconciler audit`; created by `provision` (retaining acked messages, 1 day)"),
  AUDIT_SAMPLE_RATE(
      "audit.sample-rate",
      decimalAbove(AuditConfig.DEFAULT_SAMPLE_RATE, 0, 1),
      "share of events checked, chosen by event id (every replica and redelivery agrees)"),
  AUDIT_GRACE_PERIOD(
      "audit.grace-period",
      duration(AuditConfig.DEFAULT_GRACE_PERIOD, ofSeconds(1), ofHours(1)),
      "an event is checked this long after its publish time"),
  AUDIT_REPAIR(
      "audit.repair",
      flag(AuditConfig.DEFAULT_REPAIR),
      "republish a divergent event to `pubsub.topic` (once) so the reconciler applies it"),
  AUDIT_MAX_HELD(
      "audit.max-held",
      integer(AuditConfig.DEFAULT_MAX_HELD, 1, 100_000),
      "sampled messages held waiting for their grace period; beyond, the rest wait in Pub/Sub");

  private final String path;
  private final KeyRule rule;
  private final String doc;

  ReconcilerKey(String path, KeyRule rule, String doc) {
    this.path = path;
    this.rule = rule;
    this.doc = doc;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public KeyRule rule() {
    return rule;
  }

  @Override
  public String doc() {
    return doc;
  }

  /** The environment variable that overrides this key, e.g. {@code LAGLINE_PUBSUB_TOPIC}. */
  public String envName() {
    return envName(ConfigLoader.ENV_PREFIX);
  }
}
