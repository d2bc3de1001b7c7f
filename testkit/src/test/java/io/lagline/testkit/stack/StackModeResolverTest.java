package io.lagline.testkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StackModeResolverTest {
  private static final String EXTERNAL_ENV = "external";
  private static final String NONE = "";

  static Stream<Arguments> cases() {
    return Stream.of(
        // requested, LAGLINE_STACK_MODE, external env, script?, docker?, expected
        Arguments.of(null, null, NONE, true, true, StackMode.EMBEDDED),
        Arguments.of(null, null, EXTERNAL_ENV, true, true, StackMode.EXTERNAL),
        Arguments.of(null, null, NONE, false, true, StackMode.TESTCONTAINERS),
        Arguments.of(null, "embedded", EXTERNAL_ENV, false, false, StackMode.EMBEDDED),
        Arguments.of(null, "TESTCONTAINERS", NONE, true, false, StackMode.TESTCONTAINERS),
        Arguments.of(null, "auto", NONE, true, false, StackMode.EMBEDDED),
        Arguments.of(StackMode.EXTERNAL, "embedded", NONE, true, true, StackMode.EXTERNAL),
        Arguments.of(StackMode.AUTO, "testcontainers", NONE, true, true, StackMode.EMBEDDED));
  }

  @ParameterizedTest(name = "requested={0} env={1} external={2} script={3} docker={4} -> {5}")
  @MethodSource("cases")
  void picks_the_mode(
      StackMode requested,
      String envMode,
      String external,
      boolean script,
      boolean docker,
      StackMode expected) {
    Map<String, String> env = new HashMap<>();
    if (envMode != null) {
      env.put("LAGLINE_STACK_MODE", envMode);
    }
    if (external.equals(EXTERNAL_ENV)) {
      env.put("PUBSUB_EMULATOR_HOST", "127.0.0.1:8085");
      env.put("CASSANDRA_CONTACT_POINTS", "127.0.0.1:9042");
    }

    StackMode mode =
        StackModeResolver.resolve(
            requested,
            Environment.of(env),
            () -> script ? Optional.of(Path.of("/emulator")) : Optional.empty(),
            () -> docker,
            () -> "not found");

    assertThat(mode).isEqualTo(expected);
  }

  @Test
  void asks_docker_only_when_the_emulator_is_not_installed() {
    AtomicBoolean dockerAsked = new AtomicBoolean();

    StackModeResolver.resolve(
        null,
        Environment.of(Map.of()),
        () -> Optional.of(Path.of("/emulator")),
        () -> dockerAsked.getAndSet(true),
        () -> "not found");

    assertThat(dockerAsked).isFalse();
  }

  @Test
  void without_emulator_docker_or_external_services_the_error_says_what_is_missing() {
    assertThatThrownBy(
            () ->
                StackModeResolver.resolve(
                    null,
                    Environment.of(Map.of()),
                    Optional::empty,
                    () -> false,
                    () -> "emulator not found"))
        .isInstanceOf(TestkitException.class)
        .hasMessageContaining("emulator not found")
        .hasMessageContaining("Docker is not available");
  }

  @Test
  void an_unknown_mode_in_the_environment_names_the_variable_and_the_choices() {
    assertThatThrownBy(
            () ->
                StackModeResolver.resolve(
                    null,
                    Environment.of(Map.of("LAGLINE_STACK_MODE", "kubernetes")),
                    Optional::empty,
                    () -> false,
                    () -> ""))
        .isInstanceOf(TestkitException.class)
        .hasMessageContaining("LAGLINE_STACK_MODE=kubernetes")
        .hasMessageContaining("[AUTO, EMBEDDED, TESTCONTAINERS, EXTERNAL]");
  }
}
