package io.lagline.producer.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A git repository read through the {@code git} command (rev-parse, ls-tree, show): files as they
 * were at a commit. The git CLI rather than JGit: CI has git anyway, and it keeps a large library
 * out of the producer for reading a handful of small files.
 */
public final class GitRepo {
  private final Path root;

  private GitRepo(Path root) {
    this.root = root;
  }

  /**
   * The repository {@code path} is in ({@code path} need not exist).
   *
   * @throws GitException when it is not in a git work tree, or git cannot be run
   */
  public static GitRepo containing(Path path) {
    Path existing = path.toAbsolutePath().normalize();
    while (existing != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new GitException(path + " is not in a git repository");
    }
    Output top = git(existing, "rev-parse", "--show-toplevel");
    if (top.code() != 0) {
      throw new GitException(path + " is not in a git work tree (git: " + top.error() + ")");
    }
    return new GitRepo(Path.of(top.text().strip()));
  }

  /** The top directory of the work tree. */
  public Path root() {
    return root;
  }

  /**
   * The commit {@code ref} names, empty when it names none (unknown, or beyond a shallow clone).
   */
  public Optional<String> commit(String ref) {
    if (ref.isBlank() || ref.startsWith("-")) {
      return Optional.empty();
    }
    Output out = git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    return out.code() == 0 ? Optional.of(out.text().strip()) : Optional.empty();
  }

  /**
   * {@code path} (absolute, or relative to the current directory) as a path in the repository with
   * {@code /} separators.
   *
   * @throws GitException when it is outside the repository
   */
  public String pathOf(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      Path real = existing.toRealPath().resolve(existing.relativize(absolute));
      Path relative = root.toRealPath().relativize(real);
      if (relative.startsWith("..")) {
        throw new GitException(path + " is outside the repository " + root);
      }
      return relative.toString().replace('\\', '/');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@code .json} files under {@code dir} at {@code commit}, by path relative to {@code dir}.
   */
  public Map<String, String> files(String commit, String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    Output listing =
        dir.isEmpty()
            ? git(root, "ls-tree", "-r", "-z", "--name-only", commit)
            : git(root, "ls-tree", "-r", "-z", "--name-only", commit, "--", prefix);
    check(listing, "ls-tree " + commit);
    Map<String, String> files = new TreeMap<>();
    for (String name : listing.text().split("\0")) {
      if (name.startsWith(prefix) && name.endsWith(".json")) {
        Output file = git(root, "show", commit + ":" + name);
        check(file, "show " + commit + ":" + name);
        files.put(name.substring(prefix.length()), file.text());
      }
    }
    return files;
  }

  private static void check(Output out, String what) {
    if (out.code() != 0) {
      throw new GitException("git " + what + " failed: " + out.error());
    }
  }

  private record Output(int code, String text, String error) {}

  private static Output git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("LC_ALL", "C");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> error =
          CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
      String text = text(process.getInputStream());
      int code = process.waitFor();
      return new Output(code, text, error.join().strip());
    } catch (IOException e) {
      throw new GitException("cannot run git (is it on the PATH?): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running git");
    }
  }

  private static String text(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
