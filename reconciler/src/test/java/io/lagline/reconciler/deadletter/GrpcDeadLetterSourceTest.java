package io.lagline.reconciler.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GrpcDeadLetterSourceTest {
  @Test
  void ack_ids_are_sent_in_chunks_the_service_accepts() {
    List<String> ids = IntStream.range(0, 1201).mapToObj(i -> "ack-" + i).toList();

    List<List<String>> chunks = GrpcDeadLetterSource.chunks(ids);

    assertThat(chunks).extracting(List::size).containsExactly(500, 500, 201);
    assertThat(chunks.stream().flatMap(List::stream)).containsExactlyElementsOf(ids);
    assertThat(GrpcDeadLetterSource.chunks(List.of())).isEmpty();
  }
}
