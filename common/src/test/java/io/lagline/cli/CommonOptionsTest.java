package io.lagline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class CommonOptionsTest {
  @Command(name = "tool")
  static final class Tool implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      throw new UsageException("--file x: not a readable file");
    }
  }

  @Command(name = "buggy")
  static final class Buggy implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      throw new IllegalStateException("a bug");
    }
  }

  private final StringWriter err = new StringWriter();

  private int run(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setErr(new PrintWriter(err, true));
    return CliErrors.install(cli, ExitCodes.standard()).execute(args);
  }

  @Test
  void parses_config_and_verbose() {
    Tool tool = new Tool();
    new CommandLine(tool).parseArgs("--config", "app.yaml", "--verbose");

    assertThat(tool.common.config()).isEqualTo(Path.of("app.yaml"));
    assertThat(tool.common.verbose()).isTrue();
  }

  @Test
  void both_are_optional() {
    Tool tool = new Tool();
    new CommandLine(tool).parseArgs();

    assertThat(tool.common.config()).isNull();
    assertThat(tool.common.verbose()).isFalse();
  }

  @Test
  void an_error_is_one_line_naming_the_cause_without_a_stack_trace() {
    assertThat(run(new Tool(), "--config", "app.yaml")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).isEqualToIgnoringNewLines("error: --file x: not a readable file");
  }

  @Test
  void verbose_adds_the_stack_trace() {
    assertThat(run(new Tool(), "--verbose")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .startsWith("error: --file x: not a readable file")
        .contains("\tat io.lagline.cli.CommonOptionsTest$Tool.call");
  }

  @Test
  void a_bad_option_names_it_and_points_to_help() {
    assertThat(run(new Tool(), "--confg")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("error: Unknown option: '--confg'")
        .contains("run 'tool --help' for usage");
  }

  @Test
  void a_bug_says_so_and_keeps_its_stack_trace() {
    assertThat(run(new Buggy())).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err.toString())
        .startsWith("error: unexpected failure, please report it: java.lang.IllegalStateException")
        .contains("\tat ");
  }

  @Test
  void a_command_without_the_mixin_gets_the_defaults() {
    @Command(name = "bare")
    class Bare {}

    assertThat(CommonOptions.of(new CommandLine(new Bare())).verbose()).isFalse();
  }
}
