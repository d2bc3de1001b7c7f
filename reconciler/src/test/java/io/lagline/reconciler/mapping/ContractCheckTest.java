package io.lagline.reconciler.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.contract.Contracts;
import io.lagline.reconciler.mapping.ContractMismatchException.Mismatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractCheckTest {
  private static final String MAPPING =
      """
      events:
        - event-type: DeviceSynced
          schema-versions: [1, 2]
          writes:
            - table: device_state
              mode: upsert-if-newer
              partition-key: [device_id]
              columns:
                device_id:  { from: entity_key, type: text }
                steps:      { from: payload.steps, type: int }
                battery:    { from: payload.battery.level, type: double, required: false }
                synced_at:  { from: occurred_at, type: timestamp }
      """;

  @TempDir Path dir;

  @Test
  void the_repository_s_mapping_matches_its_contracts() {
    Mapping mapping = MappingLoader.load(Path.of("../config/mapping.yaml"));

    ContractCheck.check(mapping, Contracts.load(Path.of("../contracts")));
  }

  @Test
  void a_mapping_that_fits_every_accepted_version_passes() throws IOException {
    schema(1, "{\"steps\": {\"type\": \"integer\"}, \"battery\": " + battery("number") + "}");
    schema(
        2,
        "{\"steps\": {\"type\": [\"integer\", \"null\"]}, \"battery\": " + battery("number") + "}");

    assertThat(ContractCheck.mismatches(mapping(), Contracts.load(dir))).isEmpty();
  }

  @Test
  void names_type_version_field_and_column_of_each_undefined_or_unconvertible_field()
      throws IOException {
    schema(1, "{\"steps\": {\"type\": \"integer\"}, \"battery\": " + battery("number") + "}");
    schema(2, "{\"steps\": {\"type\": \"boolean\"}, \"battery\": {\"type\": \"object\"}}");

    assertThatThrownBy(() -> ContractCheck.check(mapping(), Contracts.load(dir)))
        .isInstanceOfSatisfying(
            ContractMismatchException.class,
            e -> {
              assertThat(e.mismatches())
                  .containsExactly(
                      new Mismatch(
                          "DeviceSynced",
                          2,
                          "payload.steps",
                          "device_state",
                          "steps",
                          "the schema allows boolean, which cannot convert to int"),
                      new Mismatch(
                          "DeviceSynced",
                          2,
                          "payload.battery.level",
                          "device_state",
                          "battery",
                          "the schema does not define this field"));
              assertThat(e.getMessage())
                  .contains(
                      "DeviceSynced v2 payload.steps -> device_state.steps: the schema allows"
                          + " boolean, which cannot convert to int");
            });
  }

  @Test
  void an_accepted_version_without_a_schema_is_a_mismatch() throws IOException {
    schema(1, "{\"steps\": {\"type\": \"integer\"}, \"battery\": " + battery("number") + "}");

    assertThat(ContractCheck.mismatches(mapping(), Contracts.load(dir)))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.schemaVersion()).isEqualTo(2);
              assertThat(m.rule()).isEqualTo("no schema for this version");
            });
  }

  private static Mapping mapping() {
    return MappingLoader.parse(MAPPING, "test.yaml");
  }

  private static String battery(String type) {
    return "{\"type\": \"object\", \"properties\": {\"level\": {\"type\": \"" + type + "\"}}}";
  }

  private void schema(int version, String properties) throws IOException {
    Path file = dir.resolve("DeviceSynced/" + version + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"type\": \"object\", \"properties\": " + properties + "}");
  }
}
