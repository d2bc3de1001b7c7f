package io.lagline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestModeTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {"library, LIBRARY", "http, HTTP", "HTTP, HTTP", "grpc, null", "'', null"})
  void parses_the_ingest_option_in_any_case(String value, IngestMode mode) {
    assertThat(IngestMode.parse(value)).isEqualTo(mode);
  }
}
