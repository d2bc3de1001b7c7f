package io.lagline.testkit.cassandra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code java} command that runs one Cassandra 5.0 node in the foreground. */
final class CassandraCommandLine {
  static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

  /**
   * The JPMS and Netty lines of Apache Cassandra 5.0's {@code conf/jvm17-server.options}, verbatim
   * (its GC section is replaced by {@link CassandraNodeOptions#gcOptions()}). Without them the node
   * fails at start-up on JDK 17. Each line becomes one or two arguments, see {@link
   * #jvm17ServerOptions()}.
   */
  static final List<String> JVM17_SERVER_OPTIONS_LINES =
      List.of(
          "-Djdk.attach.allowAttachSelf=true",
          "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports java.sql/java.sql=ALL-UNNAMED",
          "--add-exports java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED",
          "--add-opens java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens java.base/java.io=ALL-UNNAMED",
          "--add-opens java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
          "--add-opens java.base/java.lang=ALL-UNNAMED",
          "--add-opens java.base/java.util=ALL-UNNAMED",
          "--add-opens java.base/java.nio=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-Dio.netty.allocator.useCacheForAllThreads=true",
          "-Dio.netty.allocator.maxOrder=11");

  /** Stack size from Cassandra's {@code conf/jvm-server.options}. */
  static final String THREAD_STACK_SIZE = "-Xss256k";

  private CassandraCommandLine() {}

  /** {@link #JVM17_SERVER_OPTIONS_LINES} as arguments: an option and its value are two of them. */
  static List<String> jvm17ServerOptions() {
    List<String> args = new ArrayList<>();
    for (String line : JVM17_SERVER_OPTIONS_LINES) {
      args.addAll(List.of(line.split(" ")));
    }
    return args;
  }

  /**
   * @param java the {@code java} launcher
   * @param javaFeatureVersion that launcher's major version (JDK 18+ needs the security manager
   *     allowed explicitly)
   * @param orphanGuardFlag the {@code -javaagent} flag that ends the node when this JVM dies, or
   *     null
   */
  static List<String> build(
      CassandraNodeOptions options,
      CassandraLayout layout,
      Path java,
      int javaFeatureVersion,
      String classpath,
      String orphanGuardFlag) {
    return build(
        options,
        layout,
        CassandraTopology.singleNode(layout),
        java,
        javaFeatureVersion,
        classpath,
        orphanGuardFlag);
  }

  /**
   * As {@link #build(CassandraNodeOptions, CassandraLayout, Path, int, String, String)}, for a node
   * with {@code topology}: with {@code GossipingPropertyFileSnitch} the node reads its data center
   * and rack from the layout's {@code cassandra-rackdc.properties}.
   */
  static List<String> build(
      CassandraNodeOptions options,
      CassandraLayout layout,
      CassandraTopology topology,
      Path java,
      int javaFeatureVersion,
      String classpath,
      String orphanGuardFlag) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add("-Xms" + options.minHeap());
    cmd.add("-Xmx" + options.maxHeap());
    cmd.add(THREAD_STACK_SIZE);
    cmd.addAll(options.gcOptions());
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-XX:ErrorFile=" + layout.logDir().resolve("hs_err_pid%p.log"));
    cmd.addAll(jvm17ServerOptions());
    if (javaFeatureVersion >= 18) {
      // Cassandra 5.0 installs a SecurityManager for UDF sandboxing
      cmd.add("-Djava.security.manager=allow");
    }
    cmd.add("-Djava.net.preferIPv4Stack=true");
    cmd.add("-Dcassandra.config=" + layout.yamlFile().toUri());
    cmd.add("-Dcassandra-foreground=yes");
    cmd.add("-Dcassandra.storagedir=" + layout.baseDir());
    cmd.add("-Dcassandra.logdir=" + layout.logDir());
    cmd.add("-Dcassandra.triggers_dir=" + layout.triggersDir());
    cmd.add("-Dcassandra.jmx.local.port=" + layout.jmxPort());
    cmd.add("-Dlogback.configurationFile=" + layout.logbackFile().toUri());
    if (topology.snitch() == CassandraTopology.Snitch.GOSSIPING_PROPERTY_FILE) {
      cmd.add("-Dcassandra-rackdc.properties=" + layout.rackDcFile().toUri());
    }
    // start and stop fast: one node has no peers to wait for, and the nodes of a new local
    // cluster are all seeds (no bootstrap) whose gossip converges in about a second on loopback
    cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
    cmd.add("-Dcassandra.ring_delay_ms=1000");
    cmd.add("-Dcassandra.shutdown_announce_in_ms=0");
    // create the default superuser at once rather than 10 s after start-up (PasswordAuthenticator)
    cmd.add("-Dcassandra.superuser_setup_delay_ms=0");
    if (orphanGuardFlag != null) {
      cmd.add(orphanGuardFlag);
    }
    cmd.addAll(options.extraJvmOptions());
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(MAIN_CLASS);
    return List.copyOf(cmd);
  }
}
