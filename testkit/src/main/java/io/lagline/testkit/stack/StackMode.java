package io.lagline.testkit.stack;

/** How {@link LocalStack} provides the Pub/Sub emulator and Cassandra. */
public enum StackMode {
  /**
   * EXTERNAL when {@code PUBSUB_EMULATOR_HOST} and {@code CASSANDRA_CONTACT_POINTS} are both set,
   * else EMBEDDED when the emulator script is installed, else TESTCONTAINERS when a Docker engine
   * answers.
   */
  AUTO,
  /**
   * Both run as child processes of this JVM: the Cloud SDK emulator and a Cassandra node from Maven
   * jars.
   */
  EMBEDDED,
  /** Both run in Docker containers via Testcontainers. */
  TESTCONTAINERS,
  /**
   * Both are already running; the environment variables say where. Nothing is started or stopped.
   */
  EXTERNAL
}
