package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.config.ConfigReader;
import io.lagline.producer.publish.PublisherSettings.LimitExceeded;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublisherSettingsTest {

  @Test
  void defaults_bound_outstanding_publishes_and_batch_real_payloads() {
    PublisherSettings settings = PublisherSettings.defaults();

    assertThat(settings.batchMaxMessages()).isEqualTo(1000);
    assertThat(settings.batchMaxBytes()).isEqualTo(1024 * 1024);
    assertThat(settings.batchDelay()).isEqualTo(Duration.ofMillis(10));
    assertThat(settings.maxOutstandingMessages()).isEqualTo(10_000);
    assertThat(settings.maxOutstandingBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(settings.limitExceeded()).isEqualTo(LimitExceeded.BLOCK);
    assertThat(settings.ordering()).isFalse();
    assertThat(settings.publishTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void every_broken_rule_is_reported_at_once_with_key_value_and_rule() {
    PublisherSettingsBuilder builder =
        PublisherSettings.builder()
            .batchMaxMessages(5000)
            .batchMaxBytes(0)
            .batchDelay(Duration.ZERO)
            .publishTimeout(Duration.ofSeconds(1))
            .limitExceeded(null);

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new ConfigProblem(
                            "publisher.batch.max-messages",
                            "5000",
                            "must be an integer from 1 to 1000",
                            "settings"),
                        new ConfigProblem(
                            "publisher.batch.max-bytes",
                            "0",
                            "must be an integer from 1 to 10000000",
                            "settings"),
                        new ConfigProblem(
                            "publisher.batch.delay", "0s", "must be from 1ms to 10s", "settings"),
                        new ConfigProblem(
                            "publisher.flow-control.limit-exceeded",
                            null,
                            "is required",
                            "settings"),
                        new ConfigProblem(
                            "publisher.publish-timeout",
                            "1s",
                            "must be from 10s to 1h",
                            "settings")));
  }

  @Test
  void a_rule_spanning_two_keys_names_both() {
    PublisherSettingsBuilder builder =
        PublisherSettings.builder().batchMaxBytes(2_000_000).maxOutstandingBytes(1_000_000);

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              ConfigProblem problem = e.problems().get(0);
              assertThat(problem.key()).isEqualTo("publisher.flow-control.max-outstanding-bytes");
              assertThat(problem.value()).isEqualTo("1000000");
              assertThat(problem.rule())
                  .startsWith("must be at least publisher.batch.max-bytes (2000000)");
            });
  }

  @Test
  void a_rule_spanning_two_keys_is_not_reported_when_one_key_is_already_out_of_range() {
    PublisherSettingsBuilder builder = PublisherSettings.builder().rpcTimeout(Duration.ofHours(2));

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::key)
                    .containsExactly("publisher.retry.rpc-timeout"));
  }

  @Test
  void to_builder_keeps_every_value() {
    PublisherSettings settings =
        PublisherSettings.builder()
            .ordering(true)
            .batchMaxMessages(10)
            .retryMaxDelay(Duration.ofSeconds(3))
            .build();

    assertThat(settings.toBuilder().build()).isEqualTo(settings);
  }

  @Test
  void from_config_reads_every_key_under_the_prefix() throws Exception {
    JsonNode tree =
        new YAMLMapper()
            .readTree(
                """
                publisher:
                  batch: {max-messages: 100, max-bytes: 524288, delay: 5ms}
                  flow-control: {max-outstanding-messages: 2000, max-outstanding-bytes: 8388608, limit-exceeded: fail}
                  ordering: true
                  publish-timeout: 2m
                  retry: {initial-delay: 50ms, max-delay: 5s, rpc-timeout: 20s}
                  shutdown-timeout: 10s
                """);
    ConfigReader reader = ConfigReader.of(tree, Map.of(), "LAGLINE_");

    PublisherSettings settings = PublisherSettings.from(reader);
    reader.finish();

    assertThat(settings)
        .isEqualTo(
            new PublisherSettings(
                100,
                524288,
                Duration.ofMillis(5),
                2000,
                8388608,
                LimitExceeded.FAIL,
                true,
                Duration.ofMinutes(2),
                Duration.ofMillis(50),
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                Duration.ofSeconds(10)));
  }

  @Test
  void from_config_takes_environment_overrides() {
    ConfigReader reader =
        ConfigReader.of(null, Map.of("LAGLINE_PUBLISHER_BATCH_MAX_BYTES", "262144"), "LAGLINE_");

    PublisherSettings settings = PublisherSettings.from(reader);
    reader.finish();

    assertThat(settings).isEqualTo(PublisherSettings.builder().batchMaxBytes(262144).build());
  }

  @Test
  void from_config_records_every_problem_in_the_reader_instead_of_throwing() throws Exception {
    JsonNode tree =
        new YAMLMapper()
            .readTree(
                """
                producer:
                  publisher:
                    batch: {max-messages: 0}
                    flow-control: {max-outstanding-messages: 500, limit-exceeded: ignore}
                """);
    ConfigReader reader = ConfigReader.of(tree, Map.of(), "LAGLINE_");

    PublisherSettings settings = PublisherSettings.from(reader, "producer.publisher");

    assertThat(settings).isEqualTo(PublisherSettings.defaults());
    assertThat(reader.problems())
        .extracting(ConfigProblem::key, ConfigProblem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("producer.publisher.batch.max-messages", "0"),
            org.assertj.core.groups.Tuple.tuple(
                "producer.publisher.flow-control.limit-exceeded", "ignore"),
            org.assertj.core.groups.Tuple.tuple(
                "producer.publisher.flow-control.max-outstanding-messages", "500"));
    assertThat(reader.problems().get(2).rule())
        .startsWith("must be at least producer.publisher.batch.max-messages (1000)");
    assertThatThrownBy(reader::finish).isInstanceOf(ConfigException.class);
  }

  @Test
  void every_key_has_a_distinct_path_and_flag() {
    assertThat(PublisherKey.values()).extracting(PublisherKey::path).doesNotHaveDuplicates();
    assertThat(PublisherKey.BATCH_MAX_BYTES.path("publisher"))
        .isEqualTo("publisher.batch.max-bytes");
    assertThat(PublisherKey.FLOW_CONTROL_MAX_OUTSTANDING_MESSAGES.flag())
        .isEqualTo("--flow-control-max-outstanding-messages");
  }
}
