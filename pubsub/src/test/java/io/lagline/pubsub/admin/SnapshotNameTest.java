package io.lagline.pubsub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotNameTest {
  @ParameterizedTest
  @CsvSource({
    "before-rebuild, projects/demo-project/snapshots/before-rebuild",
    "abc, projects/demo-project/snapshots/abc",
    "A.b_c~d+e%f-9, projects/demo-project/snapshots/A.b_c~d+e%f-9",
    "projects/other-project/snapshots/pinned, projects/other-project/snapshots/pinned"
  })
  void a_short_id_is_taken_to_be_in_the_project_and_a_full_name_is_kept(String text, String full) {
    assertThat(SnapshotName.parse(text, "demo-project").fullName()).isEqualTo(full);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab", // too short
        "1abc", // starts with a digit
        "-abc", // starts with a sign
        "with space",
        "star*",
        "googsnap", // reserved prefix
        "projects/demo-project/snapshots/9lives"
      })
  void an_id_breaking_pubsub_rules_is_refused_naming_the_rule(String text) {
    assertThatThrownBy(() -> SnapshotName.parse(text, "demo-project"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(SnapshotName.ID_RULE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"projects/p/topics/t", "snapshots/s", "projects/p/snapshots/s/x"})
  void a_path_that_is_not_a_snapshot_name_is_refused(String text) {
    assertThatThrownBy(() -> SnapshotName.parse(text, "demo-project"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(SnapshotName.FULL_NAME_RULE);
  }

  @ParameterizedTest
  @CsvSource({"255, true", "256, false", "3, true", "2, false"})
  void an_id_has_3_to_255_characters(int length, boolean valid) {
    assertThat(SnapshotName.validId("s" + "x".repeat(length - 1))).isEqualTo(valid);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Google", "agoog", "Goog-snap"})
  void only_the_exact_goog_prefix_is_reserved(String id) {
    assertThat(SnapshotName.validId(id)).isTrue();
  }
}
