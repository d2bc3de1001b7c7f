package io.lagline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.error.LaglineException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

class ExitCodesTest {
  @Command(name = "cmd")
  static final class Cmd {}

  /** A deployable's own error, mapped by a row it adds (as the producer adds Pub/Sub's). */
  static final class ServiceDown extends LaglineException {
    private static final long serialVersionUID = 1L;

    ServiceDown() {
      super("service down");
    }
  }

  static Stream<Arguments> errors() {
    CommandLine cli = new CommandLine(new Cmd());
    ConfigException config =
        new ConfigException(List.of(new ConfigProblem("a.b", "x", "must be y", "file")));
    return Stream.of(
        Arguments.of("bad option", new ParameterException(cli, "bad"), 2, 2),
        Arguments.of("bad usage", new UsageException("no such file"), 2, 2),
        Arguments.of("bad configuration", config, 2, 2),
        Arguments.of(
            "bad payload schema",
            new io.lagline.contract.ContractException("contracts", List.of("A/1.json: not JSON")),
            2,
            2),
        Arguments.of("start-up failure", new LaglineException("unreachable"), 1, 1),
        Arguments.of("service unusable", new ServiceDown(), 1, 3),
        Arguments.of("a bug", new IllegalStateException("bug"), 4, 4),
        Arguments.of("unexpected I/O", new UncheckedIOException(new java.io.IOException()), 4, 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void maps_each_error_to_its_code(
      String name, Throwable error, int standardCode, int withServiceRowCode) {
    assertThat(ExitCodes.standard().of(error)).isEqualTo(standardCode);
    assertThat(ExitCodes.standard().with(ServiceDown.class, ExitCodes.UNAVAILABLE).of(error))
        .isEqualTo(withServiceRowCode);
  }
}
