package io.lagline.producer.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/CONTRACT.md's table of the rules of "Changing a contract" cannot drift from {@link Rule}.
 */
class RuleReferenceTest {
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|");

  @Test
  void the_rule_table_lists_every_rule_once() throws Exception {
    String contract = Files.readString(Path.of("..", "docs", "CONTRACT.md"));
    int start = contract.indexOf("## Changing a contract");
    int end = contract.indexOf("\n## ", start + 1);
    String section = contract.substring(start, end < 0 ? contract.length() : end);

    List<String> documented = new ArrayList<>();
    Matcher row = ROW.matcher(section);
    while (row.find()) {
      documented.add(row.group(1));
    }

    assertThat(start).isNotNegative();
    assertThat(documented)
        .containsExactlyElementsOf(Arrays.stream(Rule.values()).map(Rule::id).toList());
  }
}
