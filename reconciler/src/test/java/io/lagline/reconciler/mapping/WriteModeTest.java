package io.lagline.reconciler.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteModeTest {
  @Test
  void has_kebab_case_names_and_knows_which_modes_are_versioned() {
    assertThat(WriteMode.UPSERT_IF_NEWER.yamlName()).isEqualTo("upsert-if-newer");
    assertThat(WriteMode.INSERT_IF_ABSENT.yamlName()).isEqualTo("insert-if-absent");
    assertThat(WriteMode.DELETE_IF_NEWER.yamlName()).isEqualTo("delete-if-newer");
    assertThat(WriteMode.UPSERT_IF_NEWER.versioned()).isTrue();
    assertThat(WriteMode.DELETE_IF_NEWER.versioned()).isTrue();
    assertThat(WriteMode.INSERT_IF_ABSENT.versioned()).isFalse();
  }

  @Test
  void parses_only_the_yaml_names() {
    for (WriteMode mode : WriteMode.values()) {
      assertThat(WriteMode.fromYaml(mode.yamlName())).contains(mode);
    }
    assertThat(WriteMode.fromYaml("UPSERT_IF_NEWER")).isEmpty();
    assertThat(WriteMode.fromYaml("upsert")).isEmpty();
  }
}
