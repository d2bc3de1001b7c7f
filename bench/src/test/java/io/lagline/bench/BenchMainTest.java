package io.lagline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchMainTest {
  @Test
  void the_only_option_names_every_step_and_nothing_that_is_gone() {
    String help =
        String.join(
            " ",
            new CommandLine(new BenchMain()).getCommandSpec().findOption("--only").description());

    for (String step : BenchRun.STEPS) {
      assertThat(help).as(step).containsPattern("[ ,]" + step + "[,.]");
    }
    assertThat(help).doesNotContain("xmx256");
  }

  @Test
  void an_unknown_step_is_refused_naming_the_steps() {
    StringWriter err = new StringWriter();

    int code =
        BenchMain.execute(
            new String[] {"--only", "xmx256"},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--only xmx256: no such step").contains("xmx128");
  }
}
