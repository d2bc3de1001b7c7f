package io.lagline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {
  enum Level {
    LOCAL_QUORUM,
    ONE
  }

  @Test
  void each_rule_documents_its_default_and_what_a_value_must_be() {
    List<ConfigKey> keys =
        List.of(
            ConfigKey.of("a.count", KeyRule.integer(4, 1, 64), "streams"),
            ConfigKey.of("a.bytes", KeyRule.integer(2048, 1024, Long.MAX_VALUE), "bytes held"),
            ConfigKey.of("a.rate", KeyRule.decimalAbove(0.1, 0, 1), "share | checked"),
            ConfigKey.of(
                "a.wait",
                KeyRule.duration(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ZERO),
                "wait"),
            ConfigKey.of("a.on", KeyRule.flag(true), "switch"),
            ConfigKey.of("a.level", KeyRule.choice(Level.LOCAL_QUORUM), "level"),
            ConfigKey.of("a.name", KeyRule.requiredText(Pattern.compile("n.*"), "a name"), "name"),
            ConfigKey.of("a.creds", KeyRule.file(true).unsetMeans("ADC"), "credentials"),
            ConfigKey.of("a.password", KeyRule.secret(), "password"));

    assertThat(ConfigReference.table(keys))
        .isEqualTo(
            """
            | key | default | rule | meaning |
            | --- | --- | --- | --- |
            | `a.count` | 4 | an integer from 1 to 64 | streams |
            | `a.bytes` | 2048 | an integer of at least 1024 | bytes held |
            | `a.rate` | 0.1 | a number greater than 0 and at most 1 | share \\| checked |
            | `a.wait` | 1m | a duration from 10s to 0s | wait |
            | `a.on` | true | true or false | switch |
            | `a.level` | local-quorum | one of [local-quorum, one] | level |
            | `a.name` | required | a name | name |
            | `a.creds` | ADC | the path of an existing file | credentials |
            | `a.password` / `a.password-file` | none | a secret, by environment variable or in \
            the file named by the -file key | password |
            """);
  }

  @Test
  void finds_the_table_after_a_heading() {
    String markdown =
        """
        # Title

        ## Settings

        Some text.

        | key | default |
        |---|---|
        | `x` | 1 |

        More text.
        | not | this |
        """;

    assertThat(ConfigReference.tableAfter(markdown, "## Settings"))
        .isEqualTo("| key | default |\n|---|---|\n| `x` | 1 |\n");
    assertThatThrownBy(() -> ConfigReference.tableAfter(markdown, "## Nothing"))
        .hasMessageContaining("no heading");
  }

  @Test
  void a_key_below_a_prefix_keeps_its_rule_and_names_its_variable() {
    ConfigKey key = ConfigKey.of("batch.max-bytes", KeyRule.integer(1, 1, 2), "bytes");

    assertThat(key.under("publisher").path()).isEqualTo("publisher.batch.max-bytes");
    assertThat(key.under("publisher").rule()).isEqualTo(key.rule());
    assertThat(key.under("publisher").envName("LAGLINE_"))
        .isEqualTo("LAGLINE_PUBLISHER_BATCH_MAX_BYTES");
    assertThat(key.under("")).isSameAs(key);
  }
}
