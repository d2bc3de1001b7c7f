package io.lagline.reconciler.audit;

import static io.lagline.reconciler.mapping.WriteMode.DELETE_IF_NEWER;
import static io.lagline.reconciler.mapping.WriteMode.INSERT_IF_ABSENT;
import static io.lagline.reconciler.mapping.WriteMode.UPSERT_IF_NEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.reconciler.mapping.WriteMode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditCheckTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // mode, event version, found, reflected
        Arguments.of(UPSERT_IF_NEWER, 5, StoredRow.versioned(5), true),
        Arguments.of(UPSERT_IF_NEWER, 5, StoredRow.versioned(9), true), // newer upsert or delete
        Arguments.of(UPSERT_IF_NEWER, 5, StoredRow.versioned(4), false),
        Arguments.of(UPSERT_IF_NEWER, 5, StoredRow.ABSENT, false),
        Arguments.of(UPSERT_IF_NEWER, 5, StoredRow.unversioned(), false), // written by others
        Arguments.of(DELETE_IF_NEWER, 7, StoredRow.versioned(7), true),
        Arguments.of(DELETE_IF_NEWER, 7, StoredRow.versioned(8), true),
        Arguments.of(DELETE_IF_NEWER, 7, StoredRow.versioned(6), false),
        Arguments.of(DELETE_IF_NEWER, 7, StoredRow.ABSENT, false),
        Arguments.of(INSERT_IF_ABSENT, 3, StoredRow.unversioned(), true),
        Arguments.of(INSERT_IF_ABSENT, 3, StoredRow.ABSENT, false));
  }

  @ParameterizedTest(name = "{0} v{1}, found {2}: reflected={3}")
  @MethodSource("cases")
  void judges_a_stored_row_against_the_event(
      WriteMode mode, long version, StoredRow found, boolean reflected) {
    assertThat(AuditCheck.reflected(mode, version, found)).isEqualTo(reflected);
  }
}
