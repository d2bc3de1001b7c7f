package io.lagline.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.cli.CommonOptions;
import io.lagline.producer.cli.ProducerMain;
import io.lagline.reconciler.config.ReconcilerKey;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The options every command shares ({@link CommonOptions}) parse the same in both mains, and help
 * text names keys from {@link ReconcilerKey}.
 */
class CommonOptionsCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine reconciler() {
    return ReconcilerMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private CommandLine producer() {
    return ProducerMain.commandLine(
        new ByteArrayInputStream(new byte[0]),
        Map.of(),
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  /** Every command that runs something: those without subcommands. */
  private static List<CommandLine> leaves(CommandLine command) {
    List<CommandLine> leaves = new ArrayList<>();
    if (command.getSubcommands().isEmpty()) {
      leaves.add(command);
    }
    command.getSubcommands().values().forEach(sub -> leaves.addAll(leaves(sub)));
    return leaves;
  }

  /** Options a command requires besides the common ones. */
  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "reconciler audit", List.of("--since", "1h"),
          "reconciler rebuild", List.of("--since", "1h"),
          "reconciler snapshot create", List.of("pinned"),
          "reconciler snapshot delete", List.of("pinned"),
          "producer publish", List.of("--topic", "projects/demo-project/topics/events"));

  @Test
  void every_command_of_both_mains_takes_config_and_verbose_alike() {
    for (CommandLine main : List.of(reconciler(), producer())) {
      for (CommandLine command : leaves(main)) {
        String name = command.getCommandSpec().qualifiedName();
        List<String> args = new ArrayList<>(List.of(name.split(" ")));
        args.remove(0);
        args.addAll(List.of("--config", "lagline.yaml", "--verbose"));
        args.addAll(REQUIRED.getOrDefault(name, List.of()));

        main.parseArgs(args.toArray(String[]::new));

        CommonOptions options = CommonOptions.of(command);
        assertThat(options.config()).as(name).isEqualTo(Path.of("lagline.yaml"));
        assertThat(options.verbose()).as(name).isTrue();
      }
    }
    assertThat(leaves(reconciler()))
        .extracting(c -> c.getCommandSpec().qualifiedName())
        .containsExactlyInAnyOrder(
            "reconciler run",
            "reconciler schema",
            "reconciler provision",
            "reconciler dlq list",
            "reconciler dlq replay",
            "reconciler audit",
            "reconciler rebuild",
            "reconciler snapshot create",
            "reconciler snapshot list",
            "reconciler snapshot delete");
    assertThat(leaves(producer()))
        .extracting(c -> c.getCommandSpec().qualifiedName())
        .containsExactly("producer publish", "producer serve", "producer contract check");
  }

  @Test
  void help_names_keys_by_their_declared_paths() {
    CommandLine cli = reconciler();

    String provision = cli.getSubcommands().get("provision").getUsageMessage();
    String replay =
        cli.getSubcommands().get("dlq").getSubcommands().get("replay").getUsageMessage();

    assertThat(provision)
        .contains(ReconcilerKey.PUBSUB_DEAD_LETTER_TOPIC.path())
        .contains(ReconcilerKey.AUDIT_SUBSCRIPTION.path())
        .contains("--config")
        .contains("--verbose")
        .doesNotContain("${")
        .doesNotContain("null");
    assertThat(replay).contains(ReconcilerKey.PUBSUB_TOPIC.path()).doesNotContain("${");
    for (CommandLine command : leaves(cli)) {
      assertThat(command.getUsageMessage()).doesNotContain("${");
    }
  }
}
