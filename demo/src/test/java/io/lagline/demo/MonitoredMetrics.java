package io.lagline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names the operators' views read, against what the endpoints serve: every series name
 * in the PromQL of {@code grafana/dashboards/*.json} (panel queries and variable queries) and of
 * the alert rules ({@code deploy/prometheus/*.yaml} files holding rule {@code groups}), and the
 * sample names of a {@code /metrics} page. Names are compared as series names, as Prometheus stores
 * them: a histogram is served as {@code NAME_bucket}, {@code NAME_count} and {@code NAME_sum}
 * (there is no bare {@code NAME} sample), and queries use those, so nothing is stripped.
 */
final class MonitoredMetrics {
  /**
   * Series of this project's prefixes ({@code lagline_}, and the {@code jvm_} and {@code process_}
   * meters the reconciler exports), outside string literals and not part of a longer identifier, a
   * label matcher's value or a Grafana variable. {@code up} is left out: Prometheus makes it.
   */
  private static final Pattern NAME =
      Pattern.compile("(?<![\\w:$.])((?:lagline|jvm|process)_[a-zA-Z0-9_:]*)(?![\\w:])");

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|`[^`]*`");
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  private MonitoredMetrics() {}

  /** The series names {@code promql} reads. */
  static Set<String> names(String promql) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = NAME.matcher(STRING.matcher(promql).replaceAll("\"\""));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** Every series name read by the dashboards and the alert rules of the repository at root. */
  static Set<String> used(Path root) {
    Set<String> names = new TreeSet<>();
    for (Path dashboard : files(root.resolve("grafana/dashboards"), ".json")) {
      queries(read(dashboard, new ObjectMapper()), names);
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (Path file : files(root.resolve("deploy/prometheus"), ".yaml", ".yml")) {
      for (JsonNode group : read(file, yaml).path("groups")) {
        group.path("rules").forEach(rule -> names.addAll(names(rule.path("expr").asText(""))));
      }
    }
    return names;
  }

  /** The sample names of a page in the Prometheus text format. */
  static Set<String> served(String page) {
    Set<String> names = new TreeSet<>();
    for (String line : page.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (sample.find()) {
        names.add(sample.group(1));
      }
    }
    return names;
  }

  /** The names in every {@code expr} and {@code query} text anywhere in a dashboard. */
  private static void queries(JsonNode node, Set<String> into) {
    node.properties()
        .forEach(
            field -> {
              boolean query = field.getKey().equals("expr") || field.getKey().equals("query");
              if (query && field.getValue().isTextual()) {
                into.addAll(names(field.getValue().asText()));
              }
            });
    node.forEach(child -> queries(child, into));
  }

  /** The repository root: the first directory above the working directory holding grafana/. */
  static Path root() {
    Path start = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("grafana/dashboards"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no grafana/dashboards above " + start);
  }

  private static Set<Path> files(Path dir, String... suffixes) {
    try (Stream<Path> list = Files.list(dir)) {
      Set<Path> files = new TreeSet<>();
      list.filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
          .forEach(files::add);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static JsonNode read(Path file, ObjectMapper mapper) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
