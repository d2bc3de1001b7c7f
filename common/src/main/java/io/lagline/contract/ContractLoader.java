package io.lagline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.lagline.event.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a contracts directory: each {@code <eventType>/<version>.json} parsed, checked against the
 * 2020-12 meta-schema and compiled. Every bad file is reported at once, by name.
 */
final class ContractLoader {
  private static final String DIALECT = SpecificationVersion.DRAFT_2020_12.getDialectId();
  private static final Pattern SCHEMA_FILE = Pattern.compile("([1-9][0-9]{0,8})\\.json");

  /** Checks schema files; holds only the bundled meta-schema, so it is shared. */
  private static final Schema META_SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(SchemaLocation.of(DIALECT));

  private ContractLoader() {}

  static Contracts fromDirectory(Path dir) {
    String source = dir.toString();
    if (!Files.isDirectory(dir)) {
      throw new ContractException(source, List.of("not a directory"));
    }
    List<String> problems = new ArrayList<>();
    SortedMap<String, SortedMap<Integer, Schema>> schemas = new TreeMap<>();
    // one registry per load: a registry caches schemas by $id, and a reload must see edited files
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (Stream<Path> types = Files.list(dir)) {
      for (Path typeDir : types.sorted().toList()) {
        if (Files.isDirectory(typeDir)) {
          SortedMap<Integer, Schema> versions = readType(registry, dir, typeDir, problems);
          if (!versions.isEmpty()) {
            schemas.put(name(typeDir), Collections.unmodifiableSortedMap(versions));
          }
        }
      }
    } catch (IOException e) {
      problems.add("cannot be read: " + e);
    }
    if (!problems.isEmpty()) {
      throw new ContractException(source, problems);
    }
    return new Contracts(source, Collections.unmodifiableSortedMap(schemas));
  }

  static Contracts fromClasspath(String resource, ClassLoader loader) {
    URL url = loader.getResource(resource);
    if (url == null) {
      throw new ContractException(
          "classpath:" + resource, List.of("no such resource on the classpath"));
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return fromDirectory(Path.of(uri));
      }
      // jar:file:/app/libs/x.jar!/contracts: a private file system, so nothing is shared or leaked
      String spec = uri.getRawSchemeSpecificPart();
      int bang = spec.indexOf("!/");
      try (FileSystem jar = FileSystems.newFileSystem(Path.of(new URI(spec.substring(0, bang))))) {
        Contracts contracts = fromDirectory(jar.getPath(spec.substring(bang + 1)));
        return contracts.withSource(url.toString());
      }
    } catch (URISyntaxException | IOException e) {
      throw new ContractException(url.toString(), List.of("cannot be read: " + e));
    }
  }

  private static SortedMap<Integer, Schema> readType(
      SchemaRegistry registry, Path root, Path typeDir, List<String> problems) {
    SortedMap<Integer, Schema> versions = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(typeDir)) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      Collections.sort(sorted);
      for (Path file : sorted) {
        String shown = root.relativize(file).toString();
        Matcher matcher = SCHEMA_FILE.matcher(name(file));
        if (!matcher.matches() || !Files.isRegularFile(file)) {
          problems.add(shown + ": must be named <eventType>/<schema version>.json, e.g. 1.json");
          continue;
        }
        Schema schema = read(registry, file, shown, problems);
        if (schema != null) {
          versions.put(Integer.parseInt(matcher.group(1)), schema);
        }
      }
    } catch (IOException e) {
      problems.add(root.relativize(typeDir) + ": cannot be read: " + e);
    }
    return versions;
  }

  private static Schema read(
      SchemaRegistry registry, Path file, String shown, List<String> problems) {
    JsonNode node;
    try {
      node = EventCodec.json().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      problems.add(shown + ": not valid JSON: " + firstLine(e.getMessage()));
      return null;
    }
    if (!node.isObject()) {
      problems.add(shown + ": must be a JSON Schema object");
      return null;
    }
    JsonNode dialect = node.get("$schema");
    if (dialect != null && !DIALECT.equals(dialect.asText())) {
      problems.add(shown + ": $schema must be " + DIALECT + ", was " + dialect);
      return null;
    }
    List<Error> errors = META_SCHEMA.validate(node);
    if (!errors.isEmpty()) {
      for (Error error : errors) {
        problems.add(
            shown
                + ": not a valid JSON Schema 2020-12: "
                + Pointers.of(error)
                + " "
                + error.getMessage());
      }
      return null;
    }
    try {
      return registry.getSchema(SchemaLocation.of(file.toUri().toString()), node);
    } catch (RuntimeException e) {
      problems.add(shown + ": cannot be compiled: " + firstLine(e.getMessage()));
      return null;
    }
  }

  private static String name(Path path) {
    Path name = path.getFileName();
    String text = name.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
