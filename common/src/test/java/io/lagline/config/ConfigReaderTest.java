package io.lagline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
  private static final ConfigKey PASSWORD = key("password", KeyRule.secret());

  @TempDir Path dir;

  private ConfigReader read(String yaml, Map<String, String> env) throws IOException {
    Path file = dir.resolve("app.yaml");
    Files.writeString(file, yaml);
    return ConfigReader.load(file, env, "APP_");
  }

  @Test
  void environment_overrides_the_file() throws IOException {
    ConfigReader reader =
        read("db:\n  max-connections: 5\n", Map.of("APP_DB_MAX_CONNECTIONS", "9"));

    assertThat(reader.integer(key("db.max-connections", KeyRule.integer(1, 1, 100)))).isEqualTo(9);
    reader.finish();
  }

  @Test
  void a_key_may_be_written_nested_or_with_dots() throws IOException {
    ConfigReader reader =
        read(
            "pubsub:\n  dead-letter.max-attempts: 7\n  flow: { max.bytes: 9 }\nadmin.port: 8\n",
            Map.of());

    KeyRule small = KeyRule.integer(1, 1, 100);
    assertThat(reader.integer(key("pubsub.dead-letter.max-attempts", small))).isEqualTo(7);
    assertThat(reader.integer(key("pubsub.flow.max.bytes", small))).isEqualTo(9);
    assertThat(reader.integer(key("admin.port", small))).isEqualTo(8);
    reader.finish();
  }

  @Test
  void reads_lists_and_maps_from_yaml_or_env_text() throws IOException {
    ConfigReader reader =
        read(
            "hosts: [a:1, b:2]\nreplication: {class: X, dc1: 3}\n",
            Map.of("APP_OTHER", "k=v, k2=v2"));

    KeyRule pairs = KeyRule.map("a map", "computed");
    assertThat(reader.list(key("hosts", KeyRule.list("host:port")))).containsExactly("a:1", "b:2");
    assertThat(reader.map(key("replication", pairs), Map.of()))
        .containsEntry("class", "X")
        .containsEntry("dc1", "3");
    assertThat(reader.map(key("other", pairs), Map.of()))
        .containsEntry("k", "v")
        .containsEntry("k2", "v2");
    reader.finish();
  }

  @Test
  void reports_every_problem_with_key_value_rule_and_source() throws IOException {
    ConfigReader reader =
        read(
            "port: 70000\ntimeout: soon\nmode: sideways\ntypo-key: 1\n",
            Map.of("APP_FLAG", "maybe"));

    reader.integer(key("port", KeyRule.integer(1, 1, 65535)));
    reader.duration(
        key(
            "timeout",
            KeyRule.duration(Duration.ofSeconds(1), Duration.ZERO, Duration.ofHours(1))));
    reader.enumValue(key("mode", KeyRule.choice(Mode.FAST)), Mode.class);
    reader.bool(key("flag", KeyRule.flag(false)));
    reader.string(key("name", KeyRule.requiredText(null, "a name")));

    assertThatThrownBy(reader::finish)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ConfigProblem::key)
                  .containsExactly("port", "timeout", "mode", "flag", "name", "typo-key");
              assertThat(e.getMessage())
                  .contains("port = '70000'", "from 1 to 65535")
                  .contains("mode = 'sideways'", "[fast, safe-mode]")
                  .contains("[env APP_FLAG]: must be true or false")
                  .contains("name = (missing)", "is required: the name key (a name)")
                  .contains("typo-key", "not a known key");
            });
  }

  @Test
  void a_text_key_is_checked_against_its_form_and_a_required_one_says_what_it_is_for()
      throws IOException {
    ConfigKey topic =
        ConfigKey.of(
            "topic",
            KeyRule.requiredText(java.util.regex.Pattern.compile("projects/.+"), "projects/{p}"),
            "where events go");
    ConfigKey host = key("host", KeyRule.text("a host").withDefault("0.0.0.0"));
    ConfigReader wrong = read("topic: events\n", Map.of());

    assertThat(wrong.string(topic)).isEqualTo("events");
    assertThat(wrong.string(host)).isEqualTo("0.0.0.0");
    assertThat(wrong.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "topic = 'events' [" + dir.resolve("app.yaml") + "]: must be projects/{p}");

    ConfigReader missing = read("{}\n", Map.of());
    missing.string(topic);
    assertThat(missing.problems())
        .extracting(ConfigProblem::rule)
        .containsExactly("is required: where events go (projects/{p})");
  }

  @Test
  void a_key_read_as_another_type_than_declared_is_a_programming_error() throws IOException {
    ConfigReader reader = read("port: 1\n", Map.of());

    assertThatThrownBy(() -> reader.duration(key("port", KeyRule.integer(1, 1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port is declared as");
  }

  @Test
  void secrets_are_masked_in_problems_and_can_come_from_a_file() throws IOException {
    Path secretFile = dir.resolve("pw");
    Files.writeString(secretFile, "s3cret\n");
    ConfigReader fromFile = read("password-file: " + secretFile + "\n", Map.of());
    assertThat(fromFile.secret(PASSWORD).reveal()).isEqualTo("s3cret");
    assertThat(fromFile.secret(PASSWORD).toString()).isEqualTo("****");

    ConfigReader both =
        read("password-file: " + secretFile + "\n", Map.of("APP_PASSWORD", "hunter2"));
    both.secret(PASSWORD);
    assertThatThrownBy(both::finish)
        .hasMessageContaining("password = '****'")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void parses_durations_in_both_forms() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
    assertThat(Durations.parse("PT30S")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("soon")).isEmpty();
    assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
  }

  @Test
  void a_missing_file_names_the_file() {
    assertThatThrownBy(() -> ConfigReader.load(dir.resolve("nope.yaml"), Map.of(), "APP_"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.yaml")
        .hasMessageContaining("does not exist");
  }

  private static ConfigKey key(String path, KeyRule rule) {
    return ConfigKey.of(path, rule, "the " + path + " key");
  }

  enum Mode {
    FAST,
    SAFE_MODE
  }
}
