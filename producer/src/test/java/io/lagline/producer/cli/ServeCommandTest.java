package io.lagline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.cli.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return ProducerMain.run(
        args,
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env);
  }

  @Test
  void bad_settings_exit_2_naming_every_key_and_never_the_token() {
    int code =
        run(
            Map.of(
                "LAGLINE_SERVE_PORT", "-1",
                "LAGLINE_SERVE_AUTH_TOKEN", "too-short",
                "LAGLINE_SERVE_MAX_BODY_BYTES", "10"),
            "serve");

    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(errors)
        .contains("serve.topic", "serve.port", "serve.max-body-bytes", "serve.auth.token")
        .doesNotContain("too-short");
  }

  @Test
  void an_unreachable_emulator_exits_3() {
    int code =
        run(
            Map.of(
                "LAGLINE_SERVE_TOPIC", "projects/demo-project/topics/events",
                "LAGLINE_SERVE_AUTH_MODE", "none",
                "LAGLINE_SERVE_PUBSUB_EMULATOR_HOST", "127.0.0.1:1"),
            "serve");

    assertThat(code).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("127.0.0.1:1");
  }
}
