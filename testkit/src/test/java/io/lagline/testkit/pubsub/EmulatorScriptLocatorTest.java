package io.lagline.testkit.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.testkit.Environment;
import io.lagline.testkit.TestkitException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmulatorScriptLocatorTest {
  private static final Path HOME = Path.of("/home/dev");
  private static final String SCRIPT = EmulatorScriptLocator.SCRIPT_IN_SDK;

  @Test
  void the_environment_variable_wins_over_every_install_location() {
    EmulatorScriptLocator locator =
        locator(
            Map.of("PUBSUB_EMULATOR_BIN", "/custom/emulator"),
            Set.of(
                Path.of("/custom/emulator"), Path.of("/usr/lib/google-cloud-sdk").resolve(SCRIPT)),
            Optional.empty());

    assertThat(locator.locate()).contains(Path.of("/custom/emulator"));
  }

  @Test
  void an_environment_variable_naming_a_missing_file_is_an_error_that_names_it() {
    EmulatorScriptLocator locator =
        locator(Map.of("PUBSUB_EMULATOR_BIN", "/nope/emulator"), Set.of(), Optional.empty());

    assertThatThrownBy(locator::locate)
        .isInstanceOf(TestkitException.class)
        .hasMessageContaining("PUBSUB_EMULATOR_BIN=/nope/emulator is not an executable file");
  }

  @Test
  void the_sdk_root_reported_by_gcloud_comes_before_the_usual_paths() {
    Path gcloudRoot = Path.of("/snap/google-cloud-sdk/current");
    EmulatorScriptLocator locator =
        locator(
            Map.of(),
            Set.of(
                gcloudRoot.resolve(SCRIPT), Path.of("/usr/lib/google-cloud-sdk").resolve(SCRIPT)),
            Optional.of(gcloudRoot));

    assertThat(locator.locate()).contains(gcloudRoot.resolve(SCRIPT));
  }

  @Test
  void falls_back_to_the_usual_install_paths_in_order() {
    EmulatorScriptLocator locator =
        locator(
            Map.of(),
            Set.of(
                Path.of("/opt/google-cloud-sdk").resolve(SCRIPT),
                Path.of("/usr/share/google-cloud-sdk").resolve(SCRIPT)),
            Optional.empty());

    assertThat(locator.locate()).contains(Path.of("/usr/share/google-cloud-sdk").resolve(SCRIPT));
  }

  @Test
  void finds_an_sdk_in_the_home_directory() {
    Path inHome = HOME.resolve("google-cloud-sdk").resolve(SCRIPT);

    assertThat(locator(Map.of(), Set.of(inHome), Optional.empty()).locate()).contains(inHome);
  }

  @Test
  void without_any_install_the_error_lists_the_places_and_how_to_install() {
    EmulatorScriptLocator locator = locator(Map.of(), Set.of(), Optional.empty());

    assertThat(locator.locate()).isEmpty();
    assertThatThrownBy(locator::require)
        .isInstanceOf(TestkitException.class)
        .hasMessageContaining("/usr/lib/google-cloud-sdk/" + SCRIPT)
        .hasMessageContaining("/home/dev/google-cloud-sdk/" + SCRIPT)
        .hasMessageContaining("gcloud components install pubsub-emulator")
        .hasMessageContaining("LAGLINE_STACK_MODE=TESTCONTAINERS")
        .hasMessageContaining("PUBSUB_EMULATOR_HOST");
  }

  private static EmulatorScriptLocator locator(
      Map<String, String> env, Set<Path> executables, Optional<Path> gcloudRoot) {
    return new EmulatorScriptLocator(
        Environment.of(env), executables::contains, () -> gcloudRoot, HOME);
  }
}
