package io.lagline.producer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lagline.config.ConfigException;
import io.lagline.config.ConfigReader;
import io.lagline.producer.auth.AuthMode;
import io.lagline.producer.publish.PublisherSettings.LimitExceeded;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeConfigTest {
  private static final String TOPIC = "projects/demo-project/topics/lagline-events";
  private static final String TOKEN = "a-token-long-enough-1234";

  private static ServeConfig read(Map<String, String> env) {
    ConfigReader reader = ConfigReader.of(JsonNodeFactory.instance.objectNode(), env, "LAGLINE_");
    ServeConfig config = ServeConfig.from(reader, env);
    reader.finish();
    return config;
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("LAGLINE_SERVE_TOPIC", TOPIC);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void defaults_need_only_a_topic_and_a_token() {
    ServeConfig config = read(env("LAGLINE_SERVE_AUTH_TOKEN", TOKEN));

    assertThat(config.port()).isEqualTo(ServeConfig.DEFAULT_PORT);
    assertThat(config.authMode()).isEqualTo(AuthMode.TOKEN);
    assertThat(config.token().reveal()).isEqualTo(TOKEN);
    assertThat(config.toString()).doesNotContain(TOKEN);
    assertThat(config.maxBatchSize()).isEqualTo(ServeConfig.DEFAULT_MAX_BATCH_SIZE);
    assertThat(config.contracts()).isEqualTo("bundled");
    assertThat(config.publisher().limitExceeded()).isEqualTo(LimitExceeded.FAIL);
  }

  @Test
  void the_environment_overrides_each_key() {
    ServeConfig config =
        read(
            env(
                "LAGLINE_SERVE_AUTH_MODE", "none",
                "LAGLINE_SERVE_PORT", "9090",
                "LAGLINE_SERVE_IDEMPOTENCY_TTL", "10m",
                "PUBSUB_EMULATOR_HOST", "127.0.0.1:8085"));

    assertThat(config.authMode()).isEqualTo(AuthMode.NONE);
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.idempotencyTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.emulatorHost()).isEqualTo("127.0.0.1:8085");
  }

  @Test
  void every_problem_is_reported_at_once_and_the_token_is_never_shown() {
    Map<String, String> env = new HashMap<>();
    env.put("LAGLINE_SERVE_PORT", "70000");
    env.put("LAGLINE_SERVE_AUTH_TOKEN", "short-secret");
    env.put("LAGLINE_SERVE_MAX_BATCH_SIZE", "0");

    assertThatThrownBy(() -> read(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("serve.topic")
        .hasMessageContaining("serve.port")
        .hasMessageContaining("serve.max-batch-size")
        .hasMessageContaining("serve.auth.token")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void oidc_needs_an_audience_and_token_mode_a_token() {
    assertThatThrownBy(() -> read(env("LAGLINE_SERVE_AUTH_MODE", "oidc")))
        .hasMessageContaining("serve.auth.audience");
    assertThatThrownBy(() -> read(env()))
        .hasMessageContaining("serve.auth.token")
        .hasMessageContaining("LAGLINE_SERVE_AUTH_TOKEN");
    assertThat(
            read(env("LAGLINE_SERVE_AUTH_MODE", "oidc", "LAGLINE_SERVE_AUTH_AUDIENCE", "https://x"))
                .audience())
        .isEqualTo("https://x");
  }

  @Test
  void a_publisher_that_blocks_at_its_limit_is_refused_by_name_and_fail_is_accepted() {
    assertThatThrownBy(
            () ->
                read(
                    env(
                        "LAGLINE_SERVE_AUTH_TOKEN",
                        TOKEN,
                        "LAGLINE_PUBLISHER_FLOW_CONTROL_LIMIT_EXCEEDED",
                        "block")))
        .hasMessageContaining("publisher.flow-control.limit-exceeded")
        .hasMessageContaining("429");
    assertThat(
            read(env(
                    "LAGLINE_SERVE_AUTH_TOKEN",
                    TOKEN,
                    "LAGLINE_PUBLISHER_FLOW_CONTROL_LIMIT_EXCEEDED",
                    "fail"))
                .publisher()
                .limitExceeded())
        .isEqualTo(LimitExceeded.FAIL);
  }
}
