package io.lagline.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FaultScenarioTest {
  private static final Pattern LIST = Pattern.compile("SCENARIOS=\\(([^)]*)\\)");

  @Test
  void letters_and_names_select_scenarios_and_empty_or_all_selects_every_one() {
    assertThat(FaultScenario.parse("c, freeze-cassandra j"))
        .containsExactly(FaultScenario.C, FaultScenario.H, FaultScenario.J);
    assertThat(FaultScenario.parse("")).isEqualTo(EnumSet.allOf(FaultScenario.class));
    assertThat(FaultScenario.parse("all")).isEqualTo(EnumSet.allOf(FaultScenario.class));
  }

  @Test
  void unknown_names_fail_with_the_valid_ones() {
    assertThatThrownBy(() -> FaultScenario.parse("a,nope,z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[nope, z]")
        .hasMessageContaining("a|duplicates")
        .hasMessageContaining("j|large-messages");
  }

  @Test
  void ids_are_letter_and_name_as_topic_and_keyspace_names() {
    assertThat(FaultScenario.H.id()).isEqualTo("h_freeze_cassandra");
    assertThat(Arrays.stream(FaultScenario.values()).map(FaultScenario::id))
        .allMatch(id -> id.matches("[a-z][a-z0-9_]*"));
    assertThat(Arrays.stream(FaultScenario.values()))
        .allMatch(s -> s.title().startsWith(s.letter() + ". "));
  }

  @Test
  void bin_faults_knows_the_same_scenarios() throws IOException {
    Path script = FaultStack.moduleDir().getParent().resolve("bin").resolve("faults");
    Matcher list = LIST.matcher(Files.readString(script));
    assertThat(list.find()).as("SCENARIOS=(...) in %s", script).isTrue();

    List<String> inScript = List.of(list.group(1).trim().split("\\s+"));

    assertThat(inScript)
        .containsExactlyElementsOf(
            Arrays.stream(FaultScenario.values())
                .map(s -> s.letter() + ":" + s.shortName())
                .toList());
  }
}
