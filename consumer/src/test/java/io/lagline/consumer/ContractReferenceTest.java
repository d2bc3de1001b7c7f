package io.lagline.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.event.Reconciled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/CONTRACT.md's attribute table of the reconciled stream cannot drift from the code. */
class ContractReferenceTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `(reconciled_[a-z_]+)` \\|", Pattern.MULTILINE);

  @Test
  void the_contract_lists_every_reconciled_attribute_in_order() throws Exception {
    String contract = Files.readString(Path.of("..", "docs", "CONTRACT.md"));
    int start = contract.indexOf("## The reconciled stream");
    int end = contract.indexOf("\n## ", start + 1);
    assertThat(start).as("the section exists").isNotNegative();
    Matcher rows = ROW.matcher(contract.substring(start, end));

    List<String> documented = rows.results().map(r -> r.group(1)).collect(Collectors.toList());

    assertThat(documented).containsExactlyElementsOf(Reconciled.ADDED);
  }

  @Test
  void the_outcomes_and_payload_states_are_the_contract_constants() {
    assertThat(List.of(Outcome.values()))
        .extracting(Outcome::wireName)
        .containsExactlyElementsOf(Reconciled.OUTCOMES);
    assertThat(List.of(PayloadState.values()))
        .extracting(PayloadState::wireName)
        .containsExactly(
            Reconciled.PAYLOAD_INCLUDED, Reconciled.PAYLOAD_OMITTED, Reconciled.PAYLOAD_TOO_LARGE);
  }
}
