package io.lagline.reconciler.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.lagline.config.ConfigException;
import io.lagline.config.ConfigProblem;
import io.lagline.reconciler.mapping.Mapping;
import io.lagline.reconciler.mapping.MappingLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaGeneratorTest {
  private static final Map<String, String> NTS =
      Map.of("class", "NetworkTopologyStrategy", "dc1", "3");

  @Test
  void generates_the_ddl_of_the_documented_example() {
    assertThat(SchemaGenerator.ddl("fitness", NTS, fitness()))
        .containsExactly(
            "CREATE KEYSPACE IF NOT EXISTS fitness WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': '3'}",
            "CREATE TABLE IF NOT EXISTS fitness.device_state (device_id text, steps int, heart_rate int, battery double,"
                + " synced_at timestamp, entity_version bigint, deleted boolean, PRIMARY KEY ((device_id)))",
            "CREATE TABLE IF NOT EXISTS fitness.sync_history (device_id text, event_id text, steps int,"
                + " synced_at timestamp, PRIMARY KEY ((device_id), event_id))");
  }

  @Test
  void writes_composite_keys_and_every_type() {
    Mapping mapping =
        MappingLoader.parse(
            """
            events:
              - event-type: Reading
                schema-versions: [1]
                writes:
                  - table: readings
                    mode: insert-if-absent
                    partition-key: [site, day]
                    clustering-key: [at, sensor]
                    columns:
                      site: { from: attribute.site, type: ascii }
                      day: { from: payload.day, type: date }
                      at: { from: occurred_at, type: timestamp }
                      sensor: { from: payload.sensor, type: uuid }
                      seq: { from: payload.seq, type: timeuuid }
                      small: { from: payload.a, type: smallint }
                      tiny: { from: payload.b, type: tinyint }
                      big: { from: payload.c, type: varint }
                      exact: { from: payload.d, type: decimal }
                      ratio: { from: payload.e, type: float }
                      addr: { from: payload.f, type: inet }
                      raw: { from: payload.g, type: blob }
                      note: { from: payload.h, type: varchar }
                      total: { from: payload.i, type: bigint }
                      ok: { from: payload.j, type: boolean }
            """,
            "(inline)");

    assertThat(SchemaGenerator.ddl("ks", NTS, mapping).get(1))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS ks.readings (site ascii, day date, at timestamp, sensor uuid, seq timeuuid,"
                + " small smallint, tiny tinyint, big varint, exact decimal, ratio float, addr inet, raw blob,"
                + " note varchar, total bigint, ok boolean, PRIMARY KEY ((site, day), at, sensor))");
  }

  @Test
  void lists_the_replication_class_first_then_the_options_by_name_and_quotes_them() {
    Map<String, String> replication = new LinkedHashMap<>();
    replication.put("us'east", "2");
    replication.put("class", "org.apache.cassandra.locator.NetworkTopologyStrategy");
    replication.put("eu", "0");
    replication.put("ap", "3");

    assertThat(SchemaGenerator.ddl("ks", replication, fitness()).get(0))
        .isEqualTo(
            "CREATE KEYSPACE IF NOT EXISTS ks WITH replication = {'class':"
                + " 'org.apache.cassandra.locator.NetworkTopologyStrategy', 'ap': '3', 'eu': '0', 'us''east': '2'}");
    Map<String, String> simple = Map.of("replication_factor", "1", "class", "SimpleStrategy");
    assertThat(SchemaGenerator.ddl("ks", simple, fitness()).get(0))
        .isEqualTo(
            "CREATE KEYSPACE IF NOT EXISTS ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': '1'}");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(
            "Fitness", NTS, "cassandra.keyspace", "Fitness", "must be a lower-case CQL identifier"),
        arguments("table", NTS, "cassandra.keyspace", "table", "is a reserved CQL word"),
        arguments(null, NTS, "cassandra.keyspace", null, "must be a lower-case CQL identifier"),
        arguments("ks", Map.of(), "schema.replication", null, "is required"),
        arguments("ks", Map.of("dc1", "3"), "schema.replication", "{dc1=3}", "must name the class"),
        arguments(
            "ks",
            Map.of("class", "LocalStrategy"),
            "schema.replication",
            "class=LocalStrategy",
            "must be SimpleStrategy or NetworkTopologyStrategy"),
        arguments(
            "ks",
            Map.of("class", "SimpleStrategy"),
            "schema.replication",
            "replication_factor=null",
            "SimpleStrategy needs replication_factor, a positive integer"),
        arguments(
            "ks",
            Map.of("class", "SimpleStrategy", "replication_factor", "0"),
            "schema.replication",
            "replication_factor=0",
            "SimpleStrategy needs replication_factor"),
        arguments(
            "ks",
            Map.of("class", "SimpleStrategy", "replication_factor", "1", "dc1", "3"),
            "schema.replication",
            "dc1=3",
            "SimpleStrategy takes only class and replication_factor"),
        arguments(
            "ks",
            Map.of("class", "NetworkTopologyStrategy"),
            "schema.replication",
            "{class=NetworkTopologyStrategy}",
            "NetworkTopologyStrategy needs at least one datacenter with a positive replication factor"),
        arguments(
            "ks",
            Map.of("class", "NetworkTopologyStrategy", "dc1", "three"),
            "schema.replication",
            "dc1=three",
            "a datacenter's replication factor must be a non-negative integer"),
        arguments(
            "ks",
            Map.of("class", "NetworkTopologyStrategy", "dc1", "-1"),
            "schema.replication",
            "dc1=-1",
            "a datacenter's replication factor must be a non-negative integer"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalid")
  void rejects_a_bad_keyspace_or_replication(
      String keyspace, Map<String, String> replication, String key, String value, String rule) {
    assertThatThrownBy(() -> SchemaGenerator.ddl(keyspace, replication, fitness()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.key()).isEqualTo(key);
                          assertThat(p.value()).isEqualTo(value);
                          assertThat(p.rule()).contains(rule);
                        }));
  }

  @Test
  void reports_keyspace_and_replication_problems_together() {
    assertThatThrownBy(() -> SchemaGenerator.ddl("Bad", Map.of("class", "Nope"), fitness()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::key)
                    .containsExactly("cassandra.keyspace", "schema.replication"));
  }

  private static Mapping fitness() {
    try {
      return MappingLoader.load(
          Path.of(SchemaGeneratorTest.class.getResource("/mapping/fitness.yaml").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
