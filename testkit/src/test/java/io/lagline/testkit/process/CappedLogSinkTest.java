package io.lagline.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CappedLogSinkTest {

  @Test
  void writes_everything_below_the_cap() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CappedLogSink sink = CappedLogSink.wrap(out, 100)) {
      sink.write(bytes("hello "));
      sink.write(bytes("world"));

      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello world");
      assertThat(sink.isCapped()).isFalse();
      assertThat(sink.writtenBytes()).isEqualTo(11);
    }
  }

  @Test
  void keeps_bytes_up_to_the_cap_then_writes_one_marker_and_discards_the_rest() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CappedLogSink sink = CappedLogSink.wrap(out, 8)) {
      sink.write(bytes("12345"));
      sink.write(bytes("67890"));
      sink.write(bytes("more"));
      sink.write('x');

      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(text).startsWith("12345678");
      assertThat(text).containsOnlyOnce("log capped at 8 bytes");
      assertThat(text).doesNotContain("90").doesNotContain("more");
      assertThat(sink.writtenBytes()).isEqualTo(8);
      assertThat(sink.discardedBytes()).isEqualTo(2 + 4 + 1);
      assertThat(sink.isCapped()).isTrue();
    }
  }

  @Test
  void a_zero_cap_keeps_nothing_but_the_marker() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CappedLogSink sink = CappedLogSink.wrap(out, 0)) {
      sink.write(bytes("anything"));

      assertThat(out.toString(StandardCharsets.UTF_8).trim())
          .isEqualTo("[lagline-testkit] log capped at 0 bytes; further output is discarded");
    }
  }

  @Test
  void opening_a_file_creates_its_directory_and_appends(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested/out.log");
    try (CappedLogSink sink = CappedLogSink.open(file, 1024)) {
      sink.write(bytes("first\n"));
    }
    try (CappedLogSink sink = CappedLogSink.open(file, 1024)) {
      sink.write(bytes("second\n"));
    }

    assertThat(Files.readString(file)).isEqualTo("first\nsecond\n");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
