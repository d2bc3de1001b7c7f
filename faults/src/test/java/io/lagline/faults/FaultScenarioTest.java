package io.lagline.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FaultScenarioTest {
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
  void bin_faults_knows_the_same_scenarios_and_which_run_on_the_cluster() throws IOException {
    String script =
        Files.readString(FaultStack.moduleDir().getParent().resolve("bin").resolve("faults"));

    assertThat(listed(script, "SCENARIOS"))
        .containsExactlyElementsOf(
            names(Arrays.stream(FaultScenario.values()).filter(s -> !s.cluster())));
    assertThat(listed(script, "CLUSTER_SCENARIOS"))
        .containsExactlyElementsOf(
            names(Arrays.stream(FaultScenario.values()).filter(FaultScenario::cluster)));
  }

  @Test
  void the_cluster_scenarios_come_after_the_single_node_ones() {
    assertThat(Arrays.stream(FaultScenario.values()).filter(FaultScenario::cluster))
        .containsExactly(
            FaultScenario.M, FaultScenario.N, FaultScenario.O, FaultScenario.P, FaultScenario.Q);
  }

  /** The {@code letter:name} entries of the script's array {@code name=(...)}. */
  private static List<String> listed(String script, String name) {
    Matcher list = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
    assertThat(list.find()).as("%s=(...) in bin/faults", name).isTrue();
    return List.of(list.group(1).trim().split("\\s+"));
  }

  private static List<String> names(Stream<FaultScenario> scenarios) {
    return scenarios.map(s -> s.letter() + ":" + s.shortName()).toList();
  }
}
