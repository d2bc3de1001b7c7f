package io.lagline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lagline.event.EventCodec;
import io.lagline.event.Heartbeat;
import io.lagline.event.Violation;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractsTest {
  private static final Path REPO_CONTRACTS = Path.of("../contracts");

  private final Contracts contracts = Contracts.load(REPO_CONTRACTS);

  @Test
  void loads_every_schema_of_the_repository() {
    assertThat(contracts.keys())
        .containsExactly(
            new ContractKey("DeviceRetired", 1),
            new ContractKey("DeviceSynced", 1),
            new ContractKey("DeviceSynced", 2));
  }

  @Test
  void the_bundled_copy_is_the_repository_s() {
    assertThat(Contracts.bundled().keys()).isEqualTo(contracts.keys());
  }

  @Test
  void reads_the_bundled_copy_from_a_jar_as_a_deployable_carries_it(@TempDir Path dir)
      throws IOException {
    Path jar = dir.resolve("lagline-common.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("contracts/"));
      out.putNextEntry(new JarEntry("contracts/DeviceSynced/"));
      out.putNextEntry(new JarEntry("contracts/DeviceSynced/1.json"));
      out.write(Files.readAllBytes(REPO_CONTRACTS.resolve("DeviceSynced/1.json")));
      out.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Contracts fromJar = Contracts.fromClasspath("contracts", loader);

      assertThat(fromJar.keys()).containsExactly(new ContractKey("DeviceSynced", 1));
      assertThat(fromJar.source()).startsWith("jar:file:").endsWith("!/contracts");
      assertThat(fromJar.validate("DeviceSynced", 1, json("{\"steps\": 1}")))
          .extracting(Violation::field)
          .containsExactly("/heart_rate");
    }
  }

  @Test
  void a_valid_payload_has_no_violation() {
    assertThat(
            contracts.validate(
                "DeviceSynced",
                1,
                json("{\"steps\": 4200, \"heart_rate\": 71, \"battery\": {\"level\": 80.5}}")))
        .isEmpty();
    assertThat(contracts.validate("DeviceRetired", 1, json("{\"reason\": \"lost\"}"))).isEmpty();
  }

  @Test
  void reports_every_violation_with_its_json_pointer() {
    List<Violation> violations =
        contracts.validate(
            "DeviceSynced", 1, json("{\"steps\": \"many\", \"battery\": {\"level\": 120}}"));

    assertThat(violations)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("/steps", "/heart_rate", "/battery/level");
    assertThat(violations).allSatisfy(v -> assertThat(v.rule()).isNotBlank());
    assertThat(violations.stream().filter(v -> v.field().equals("/steps")).findFirst().get().rule())
        .contains("integer");
  }

  @Test
  void a_payload_of_the_wrong_type_is_reported_at_the_payload() {
    assertThat(contracts.validate("DeviceSynced", 1, json("[1]")))
        .extracting(Violation::field)
        .contains("payload");
  }

  @Test
  void an_unknown_type_or_version_is_a_violation() {
    assertThat(contracts.validate("DeviceLost", 1, json("{}")))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("event_type");
              assertThat(v.rule()).contains("'DeviceLost' has no contract", "DeviceSynced");
            });
    assertThat(contracts.validate("DeviceSynced", 3, json("{}")))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("schema_version");
              assertThat(v.rule()).contains("DeviceSynced has no schema version 3", "known: 1, 2");
            });
  }

  @Test
  void the_heartbeat_is_exempt() {
    assertThat(contracts.validate(Heartbeat.EVENT_TYPE, 1, json("{}"))).isEmpty();
  }

  @Test
  void check_throws_with_every_violation() {
    var event =
        EventCodec.fromCommand(
            json(
                "{\"event_type\": \"DeviceSynced\", \"schema_version\": 1, \"entity_key\": \"d-1\","
                    + " \"entity_version\": 1, \"payload\": {\"steps\": -1}}"));

    assertThatThrownBy(() -> contracts.check(event))
        .isInstanceOfSatisfying(
            SchemaViolationException.class,
            e -> {
              assertThat(e.eventType()).isEqualTo("DeviceSynced");
              assertThat(e.violations())
                  .extracting(Violation::field)
                  .containsExactlyInAnyOrder("/steps", "/heart_rate");
              assertThat(e.getMessage()).startsWith("DeviceSynced v1 breaks its contract: /");
            });
  }

  @Test
  void field_types_follow_nested_properties() {
    ContractKey key = new ContractKey("DeviceSynced", 1);
    assertThat(contracts.fieldTypes(key, List.of("battery", "level"))).contains(Set.of("number"));
    assertThat(contracts.fieldTypes(key, List.of("steps"))).contains(Set.of("integer"));
    assertThat(contracts.fieldTypes(key, List.of("firmware"))).isEmpty();
    assertThat(contracts.fieldTypes(new ContractKey("DeviceSynced", 2), List.of("firmware")))
        .contains(Set.of("string"));
  }

  @Test
  void bad_schema_files_fail_the_load_each_named(@TempDir Path dir) throws IOException {
    write(dir.resolve("Good/1.json"), "{\"type\": \"object\"}");
    write(dir.resolve("Broken/1.json"), "{\"type\": ");
    write(dir.resolve("Wrong/1.json"), "{\"type\": \"objekt\"}");
    write(dir.resolve("Misnamed/v1.json"), "{}");
    write(
        dir.resolve("OldDraft/1.json"),
        "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}");

    assertThatThrownBy(() -> Contracts.load(dir))
        .isInstanceOfSatisfying(
            ContractException.class,
            e -> {
              assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4);
              assertThat(e.getMessage())
                  .contains(
                      "Broken/1.json: not valid JSON",
                      "Wrong/1.json: not a valid JSON Schema 2020-12: /type",
                      "Misnamed/v1.json: must be named",
                      "OldDraft/1.json: $schema must be")
                  .doesNotContain("Good");
            });
  }

  @Test
  void a_reload_sees_an_edited_schema_with_the_same_id(@TempDir Path dir) throws IOException {
    String id = "\"$id\": \"https://example.com/contracts/A/1.json\", ";
    write(dir.resolve("A/1.json"), "{" + id + "\"type\": \"object\"}");
    assertThat(Contracts.load(dir).validate("A", 1, json("[]"))).isNotEmpty();

    write(dir.resolve("A/1.json"), "{" + id + "\"type\": \"array\"}");
    assertThat(Contracts.load(dir).validate("A", 1, json("[]"))).isEmpty();
  }

  @Test
  void a_missing_directory_fails_the_load(@TempDir Path dir) {
    assertThatThrownBy(() -> Contracts.load(dir.resolve("nope")))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("not a directory");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static JsonNode json(String text) {
    try {
      return EventCodec.json().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
