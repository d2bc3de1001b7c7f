package io.lagline.producer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lagline.producer.contract.CompatibilityCheck.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of "Changing a contract", one row per case: the schema published as v1, the working
 * tree's, and the problem lines expected (none when compatible). Schemas are written with single
 * quotes for double quotes.
 */
class CompatibilityCheckTest {
  private static final String V1 =
      "{'type': 'object', 'required': ['steps'], 'properties': {'steps': {'type': 'integer'},"
          + " 'mode': {'enum': ['a', 'b']}, 'location': {'type': 'object', 'properties':"
          + " {'lat': {'type': 'number'}}}, 'samples': {'type': 'array', 'items': {'type':"
          + " 'object', 'properties': {'bpm': {'type': 'integer'}}}}}}";

  static Stream<Arguments> newVersions() {
    return Stream.of(
        row("the same schema again", V1),
        row("an optional property added", V1.replace("'steps': {", "'battery': {}, 'steps': {")),
        row(
            "a property removed",
            V1.replace("'steps': {'type': 'integer'},", ""),
            "T v2 /properties/steps: property removed (rule: no-removed-field)"),
        row(
            "a property retyped",
            V1.replace("'steps': {'type': 'integer'}", "'steps': {'type': 'string'}"),
            "T v2 /properties/steps: type changed from integer to string (rule: no-retyped-field)"),
        row(
            "integer widened to number",
            V1.replace("'steps': {'type': 'integer'}", "'steps': {'type': 'number'}")),
        row(
            "null allowed too",
            V1.replace("'steps': {'type': 'integer'}", "'steps': {'type': ['integer', 'null']}")),
        row(
            "number narrowed to integer",
            V1.replace("'lat': {'type': 'number'}", "'lat': {'type': 'integer'}"),
            "T v2 /properties/location/properties/lat: type changed from number to integer"
                + " (rule: no-retyped-field)"),
        row(
            "a type where any was allowed",
            V1.replace("'mode': {", "'mode': {'type': 'string', "),
            "T v2 /properties/mode: type changed from any to string (rule: no-retyped-field)"),
        row(
            "a new required property without a default",
            V1.replace("['steps']", "['steps', 'battery']")
                .replace("'steps': {", "'battery': {'type': 'integer'}, 'steps': {"),
            "T v2 /properties/battery: newly required without a default"
                + " (rule: no-new-required-field)"),
        row(
            "a new required property with a default",
            V1.replace("['steps']", "['steps', 'battery']")
                .replace(
                    "'steps': {", "'battery': {'type': 'integer', 'default': 100}, 'steps': {")),
        row(
            "an enum narrowed",
            V1.replace("['a', 'b']", "['a']"),
            "T v2 /properties/mode: enum narrowed: \"b\" removed (rule: no-narrowed-enum)"),
        row("an enum widened", V1.replace("['a', 'b']", "['a', 'b', 'c']")),
        row(
            "an enum where any value was allowed",
            V1.replace("'lat': {'type': 'number'}", "'lat': {'type': 'number', 'enum': [0]}"),
            "T v2 /properties/location/properties/lat: enum added: only [0] allowed"
                + " (rule: no-narrowed-enum)"),
        row(
            "the object closed",
            V1.replace(
                "{'type': 'object', 'required'",
                "{'type': 'object', 'additionalProperties':" + " false, 'required'"),
            "T v2: additionalProperties: false added (was absent) (rule: no-closed-object)"),
        row(
            "a nested object left open explicitly",
            V1.replace(
                "'location': {'type': 'object',",
                "'location': {'type': 'object'," + " 'additionalProperties': true,")),
        row(
            "a nested object closed",
            V1.replace(
                "'location': {'type': 'object',",
                "'location': {'type': 'object'," + " 'additionalProperties': false,"),
            "T v2 /properties/location: additionalProperties: false added (was absent)"
                + " (rule: no-closed-object)"),
        row(
            "a property of array items removed",
            V1.replace("'properties': {'bpm': {'type': 'integer'}}", "'properties': {}"),
            "T v2 /properties/samples/items/properties/bpm: property removed"
                + " (rule: no-removed-field)"),
        row(
            "only annotations changed",
            V1.replace("'steps': {", "'steps': {'description': 'steps since the last sync', ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newVersions")
  void a_new_version_is_checked_against_the_one_before(
      String name, String v2, List<String> expected) {
    ContractSet published = contracts("HEAD~1", Map.of("T/1.json", V1));
    ContractSet current = contracts("the working tree", Map.of("T/1.json", V1, "T/2.json", v2));

    assertThat(lines(CompatibilityCheck.run(published, current))).isEqualTo(expected);
  }

  static Stream<Arguments> publishedVersions() {
    String v1 =
        "{'$comment': 'c', 'title': 'T', 'type': 'object', 'properties': {'title': {'type':"
            + " 'string', 'description': 'd'}, 'steps': {'type': 'integer', 'examples': [1]}}}";
    return Stream.of(
        change(
            "annotations changed and keys reordered",
            v1,
            "{'properties': {'steps': {'examples': [2], 'type': 'integer'}, 'title': {'type':"
                + " 'string', 'description': 'e'}}, 'type': 'object', 'title': 'U'}"),
        change(
            "a type changed",
            v1,
            v1.replace("'type': 'integer'", "'type': 'string'"),
            "T v1 /properties/steps/type: published version changed in place: changed from"
                + " integer to string (rule: published-version-changed)"),
        change(
            "a property named like an annotation removed",
            v1,
            v1.replace("'title': {'type': 'string', 'description': 'd'}, ", ""),
            "T v1 /properties/title: published version changed in place: removed (was"
                + " {\"type\":\"string\"}) (rule: published-version-changed)"),
        change(
            "a keyword added",
            v1,
            v1.replace("'type': 'object',", "'type': 'object', 'minProperties': 1,"),
            "T v1 /minProperties: published version changed in place: added (1)"
                + " (rule: published-version-changed)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publishedVersions")
  void a_published_version_may_change_only_cosmetically(
      String name, String published, String current, List<String> expected) {
    Map<String, String> before = Map.of("T/1.json", published);
    Map<String, String> after = Map.of("T/1.json", current);

    Report report = CompatibilityCheck.run(contracts("HEAD~1", before), contracts("wt", after));

    assertThat(lines(report)).isEqualTo(expected);
  }

  @Test
  void a_published_version_may_not_be_deleted() {
    ContractSet published = contracts("HEAD~1", Map.of("T/1.json", V1, "T/2.json", V1));
    ContractSet current = contracts("the working tree", Map.of("T/1.json", V1));

    assertThat(lines(CompatibilityCheck.run(published, current)))
        .containsExactly(
            "T v2: published at HEAD~1, missing from the working tree"
                + " (rule: published-version-removed)");
  }

  @Test
  void versions_run_from_1_without_a_gap() {
    ContractSet published = contracts("HEAD~1", Map.of());
    ContractSet current = contracts("wt", Map.of("T/2.json", V1, "T/4.json", V1, "U/1.json", V1));

    Report report = CompatibilityCheck.run(published, current);

    assertThat(lines(report))
        .containsExactly(
            "T v1: missing: versions must run 1, 2, ... without a gap up to v4 (rule: version-gap)",
            "T v3: missing: versions must run 1, 2, ... without a gap up to v4 (rule: version-gap)");
    assertThat(report.types()).isEqualTo(2);
    assertThat(report.versions()).isEqualTo(3);
    assertThat(report.added()).isEqualTo(3);
  }

  @Test
  void a_file_that_is_not_a_schema_is_named() {
    assertThatThrownBy(() -> contracts("wt", Map.of("T/one.json", "{}")))
        .isInstanceOf(ContractException.class)
        .hasMessageStartingWith("wt:T/one.json: the file name must be the schema version");
    assertThatThrownBy(() -> contracts("wt", Map.of("T/1.json", "{'type': ")))
        .hasMessageStartingWith("wt:T/1.json: not JSON");
    assertThatThrownBy(() -> contracts("wt", Map.of("T/1.json", "[]")))
        .hasMessage("wt:T/1.json: a schema must be a JSON object");
    assertThat(contracts("wt", Map.of("README.json", "x", "T/notes.txt", "x")).isEmpty()).isTrue();
  }

  private static Arguments row(String name, String v2, String... expected) {
    return Arguments.of(name, v2, List.of(expected));
  }

  private static Arguments change(String name, String v1, String changed, String... expected) {
    return Arguments.of(name, v1, changed, List.of(expected));
  }

  private static ContractSet contracts(String origin, Map<String, String> files) {
    Map<String, String> json = new LinkedHashMap<>();
    files.forEach((path, text) -> json.put(path, text.replace('\'', '"')));
    return ContractSet.parse(origin, json);
  }

  private static List<String> lines(Report report) {
    return report.problems().stream().map(Problem::line).toList();
  }
}
