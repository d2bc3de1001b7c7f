package io.lagline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.cli.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code producer contract check} on real git history: each case builds a temporary repository,
 * commits schema files and runs the command in it.
 */
class ContractCheckTest {
  private static final String V1 =
      "{\"type\": \"object\", \"required\": [\"steps\"], \"properties\": {\"steps\": {\"type\":"
          + " \"integer\"}, \"battery\": {\"type\": \"integer\"}}}";

  @TempDir Path repo;

  private String out = "";
  private String err = "";

  @BeforeEach
  void init() throws Exception {
    git("init", "-q");
  }

  @Test
  void a_compatible_new_version_exits_0_with_a_summary() throws Exception {
    commit("DeviceSynced/1.json", V1);
    commit("DeviceSynced/2.json", V1.replace("\"battery\"", "\"heart_rate\": {}, \"battery\""));

    assertThat(check()).isEqualTo(ExitCodes.OK);
    assertThat(out)
        .isEqualTo(
            "contract check: contracts/ is compatible with HEAD~1 (%s): 1 event type(s),"
                + " 2 version(s), 1 new\n",
            rev("HEAD~1").substring(0, 7));
    assertThat(err).isEmpty();
  }

  @Test
  void a_published_version_changed_in_place_exits_1_naming_it() throws Exception {
    commit("DeviceSynced/1.json", V1);
    commit(
        "DeviceSynced/1.json", V1.replace("\"integer\"}, \"battery\"", "\"string\"}, \"battery\""));

    assertThat(check()).isEqualTo(ExitCodes.FAILURE);
    assertThat(err)
        .isEqualTo(
            "DeviceSynced v1 /properties/steps/type: published version changed in place: changed"
                + " from integer to string (rule: published-version-changed)\n");
    assertThat(out).startsWith("contract check: 1 problem(s): contracts/ is not compatible");
  }

  @Test
  void an_incompatible_new_version_exits_1_naming_pointer_and_rule() throws Exception {
    commit("DeviceSynced/1.json", V1);
    commit(
        "DeviceSynced/2.json",
        V1.replace("\"steps\": {\"type\": \"integer\"}", "\"steps\": {\"type\": \"string\"}"));

    assertThat(check()).isEqualTo(ExitCodes.FAILURE);
    assertThat(err)
        .isEqualTo(
            "DeviceSynced v2 /properties/steps: type changed from integer to string"
                + " (rule: no-retyped-field)\n");
  }

  @Test
  void against_an_older_ref_checks_everything_since() throws Exception {
    commit("DeviceSynced/1.json", V1);
    git("tag", "release-1");
    commit("DeviceSynced/2.json", V1.replace(", \"battery\": {\"type\": \"integer\"}", ""));
    commit("DeviceRetired/1.json", "{\"type\": \"object\"}");

    assertThat(check()).as("HEAD~1 published DeviceSynced v2").isEqualTo(ExitCodes.OK);
    assertThat(check("--against", "release-1")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err)
        .isEqualTo(
            "DeviceSynced v2 /properties/battery: property removed (rule: no-removed-field)\n");
  }

  @Test
  void a_deleted_version_fails_even_uncommitted() throws Exception {
    commit("DeviceSynced/1.json", V1);
    commit("DeviceSynced/2.json", V1);
    Files.delete(repo.resolve("contracts/DeviceSynced/2.json"));

    assertThat(check()).as("not published at HEAD~1").isEqualTo(ExitCodes.OK);
    assertThat(check("--against", "HEAD")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err)
        .startsWith("DeviceSynced v2: published at HEAD (")
        .contains("missing from the working tree (rule: published-version-removed)");
  }

  @Test
  void a_file_that_is_not_a_schema_exits_1_naming_it() throws Exception {
    commit("DeviceSynced/1.json", V1);
    commit("DeviceSynced/2.json", V1);
    Files.writeString(repo.resolve("contracts/DeviceSynced/2.json"), "{\"type\": ");

    assertThat(check()).isEqualTo(ExitCodes.FAILURE);
    assertThat(err).startsWith("error: the working tree:DeviceSynced/2.json: not JSON");
  }

  @Test
  void a_bad_ref_is_a_usage_error() throws Exception {
    commit("DeviceSynced/1.json", V1);
    commit("DeviceSynced/2.json", V1);

    assertThat(check("--against", "no-such-branch")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).startsWith("error: --against no-such-branch: not a commit of the repository");
  }

  @Test
  void outside_a_git_repository_is_a_usage_error(@TempDir Path plain) {
    assertThat(run(plain, "contract", "check")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).startsWith("error: ").contains("is not in a git work tree");
  }

  @Test
  void a_first_commit_or_a_shallow_clone_has_nothing_to_compare() throws Exception {
    commit("DeviceSynced/1.json", V1);

    assertThat(check()).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("no previous commit to compare (HEAD~1 is missing");
  }

  @Test
  void a_shallow_clone_has_nothing_to_compare(@TempDir Path clone) throws Exception {
    commit("DeviceSynced/1.json", V1);
    commit("DeviceSynced/2.json", V1);
    git("clone", "-q", "--depth", "1", "file://" + repo, clone.resolve("repo").toString());

    assertThat(run(clone.resolve("repo"), "contract", "check")).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("no previous commit to compare (HEAD~1 is missing");
  }

  @Test
  void nothing_published_yet_checks_the_new_versions_alone() throws Exception {
    commit("README.md", "no contracts yet");
    commit("DeviceSynced/1.json", V1);

    assertThat(check()).isEqualTo(ExitCodes.OK);
    assertThat(out)
        .contains("nothing published at HEAD~1")
        .contains("compatible with HEAD~1 (")
        .contains("1 new");
  }

  @Test
  void no_contracts_at_either_side_passes_by_default_but_not_for_a_named_dir() throws Exception {
    commit("README.md", "one");
    commit("README.md", "two");

    assertThat(run(repo, "contract", "check")).isEqualTo(ExitCodes.OK);
    assertThat(out).contains("no contracts/ in the working tree nor at HEAD~1; nothing checked");
    assertThat(run(repo, "contract", "check", "--dir", "schemas")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--dir schemas: no contracts there");
  }

  private int check(String... args) {
    List<String> all = new ArrayList<>(List.of("contract", "check"));
    all.addAll(List.of(args));
    return run(repo, all.toArray(String[]::new));
  }

  private int run(Path cwd, String... args) {
    StringWriter outText = new StringWriter();
    StringWriter errText = new StringWriter();
    int code =
        ProducerMain.commandLine(
                new ByteArrayInputStream(new byte[0]),
                Map.of(),
                cwd,
                new PrintWriter(outText, true),
                new PrintWriter(errText, true))
            .execute(args);
    out = outText.toString();
    err = errText.toString();
    return code;
  }

  /** Writes {@code contracts/<file>} (or {@code file} itself when at the top) and commits it. */
  private void commit(String file, String text) throws Exception {
    Path path = file.contains("/") ? repo.resolve("contracts").resolve(file) : repo.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    git("add", "-A");
    git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", file);
  }

  private String rev(String ref) throws Exception {
    return git("rev-parse", ref).strip();
  }

  private String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("git %s: %s", args, output).isZero();
    return output;
  }
}
