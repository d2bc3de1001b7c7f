package io.lagline.producer.cli;

import io.lagline.cli.CommonOptions;
import io.lagline.cli.ExitCodes;
import io.lagline.cli.UsageException;
import io.lagline.producer.contract.CompatibilityCheck;
import io.lagline.producer.contract.CompatibilityCheck.Report;
import io.lagline.producer.contract.ContractFiles;
import io.lagline.producer.contract.ContractSet;
import io.lagline.producer.contract.GitException;
import io.lagline.producer.contract.GitRepo;
import io.lagline.producer.contract.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code producer contract check}: the contracts of the working tree against those at a git ref, by
 * the rules of {@link CompatibilityCheck}. Problems go to stderr, one line each; the summary or a
 * note to stdout.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks that the contracts in the working tree are compatible with those at a git ref:"
          + " published versions unchanged (annotations aside) and still there, versions without"
          + " gaps, each new version backward compatible with the one before it"
          + " (docs/CONTRACT.md, \"Changing a contract\").",
      "Each problem goes to stderr as 'EventType vN /json/pointer: what changed (rule: id)'.",
      "Exit codes: 0 compatible (or nothing to compare: no previous commit, nothing published),"
          + " 1 incompatible or an unreadable schema, 2 usage error (bad ref, not a git"
          + " repository, a --dir with no contracts at either side), 4 unexpected error."
    })
final class ContractCheckCommand implements Callable<Integer> {
  static final String DEFAULT_REF = "HEAD~1";
  static final String DEFAULT_DIR = "contracts";

  private final Path workingDirectory;

  @Spec private CommandSpec spec;

  @Mixin private CommonOptions common;

  @Option(
      names = "--against",
      paramLabel = "GIT_REF",
      description =
          "The commit, branch or tag whose contracts count as published (default: "
              + DEFAULT_REF
              + ", the previous commit).")
  private String against;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "The contracts directory, relative to the current directory (default: "
              + DEFAULT_DIR
              + ").")
  private Path dir;

  ContractCheckCommand(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path contracts = workingDirectory.resolve(dir == null ? Path.of(DEFAULT_DIR) : dir);
    String ref = against == null ? DEFAULT_REF : against;
    GitRepo repo;
    String path;
    Optional<String> commit;
    try {
      repo = GitRepo.containing(contracts);
      path = repo.pathOf(contracts);
      commit = repo.commit(ref);
    } catch (GitException e) {
      throw new UsageException(e.getMessage());
    }
    if (commit.isEmpty()) {
      if (against != null) {
        throw new UsageException(
            "--against " + ref + ": not a commit of the repository " + repo.root());
      }
      out.println(
          "contract check: no previous commit to compare ("
              + ref
              + " is missing: a first commit or a shallow clone); nothing checked");
      return ExitCodes.OK;
    }
    Map<String, String> publishedFiles = repo.files(commit.get(), path);
    if (publishedFiles.isEmpty() && !Files.isDirectory(contracts)) {
      if (dir != null) {
        throw new UsageException(
            "--dir " + dir + ": no contracts there, neither in the working tree nor at " + ref);
      }
      out.println(
          "contract check: no "
              + path
              + "/ in the working tree nor at "
              + ref
              + "; nothing checked");
      return ExitCodes.OK;
    }
    String at = ref + " (" + commit.get().substring(0, 7) + ")";
    ContractSet published = ContractSet.parse(at, publishedFiles);
    ContractSet current = ContractSet.parse("the working tree", ContractFiles.read(contracts));
    if (published.isEmpty()) {
      out.println("contract check: nothing published at " + at + "; every version is new");
    }
    return report(CompatibilityCheck.run(published, current), path, at);
  }

  private int report(Report report, String path, String at) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Problem problem : report.problems()) {
      err.println(problem.line());
    }
    err.flush();
    if (!report.compatible()) {
      out.println(
          "contract check: "
              + report.problems().size()
              + " problem(s): "
              + path
              + "/ is not compatible with "
              + at);
      return ExitCodes.FAILURE;
    }
    out.println(
        "contract check: "
            + path
            + "/ is compatible with "
            + at
            + ": "
            + report.types()
            + " event type(s), "
            + report.versions()
            + " version(s), "
            + report.added()
            + " new");
    return ExitCodes.OK;
  }
}
