package io.lagline.testkit.cassandra;

/**
 * The node's logback configuration: INFO to {@code ${cassandra.logdir}/system.log}, rolled at 10 MB
 * and keeping two old files, so Cassandra's own log stays bounded too. Nothing goes to the console.
 */
final class CassandraLogback {
  private CassandraLogback() {}

  static String render() {
    return """
    <configuration scan="false">
      <appender name="SYSTEMLOG" class="ch.qos.logback.core.rolling.RollingFileAppender">
        <file>${cassandra.logdir}/system.log</file>
        <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
          <fileNamePattern>${cassandra.logdir}/system.log.%i</fileNamePattern>
          <minIndex>1</minIndex>
          <maxIndex>2</maxIndex>
        </rollingPolicy>
        <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
          <maxFileSize>10MB</maxFileSize>
        </triggeringPolicy>
        <encoder>
          <pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern>
        </encoder>
      </appender>
      <root level="INFO">
        <appender-ref ref="SYSTEMLOG"/>
      </root>
    </configuration>
    """;
  }
}
