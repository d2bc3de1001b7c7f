package io.lagline.producer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lagline.producer.ingest.IdempotencyStore.Claim;
import io.lagline.producer.ingest.IdempotencyStore.First;
import io.lagline.producer.ingest.IdempotencyStore.Mismatch;
import io.lagline.producer.ingest.IdempotencyStore.Replay;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final IdempotencyStore store = new IdempotencyStore(Duration.ofSeconds(10), 2, now::get);

  private static Reply reply(int status) {
    return Reply.of(status, JsonNodeFactory.instance.objectNode().put("status", status));
  }

  @Test
  void a_retry_with_the_same_key_and_body_gets_the_first_reply() {
    First first = (First) store.claim("k", "body");
    store.complete("k", first, reply(202));

    Claim again = store.claim("k", "body");

    assertThat(again).isInstanceOf(Replay.class);
    assertThat(((Replay) again).reply().join()).isEqualTo(first.reply().join());
  }

  @Test
  void a_retry_while_the_first_is_in_flight_waits_for_its_reply() {
    First first = (First) store.claim("k", "body");
    Replay second = (Replay) store.claim("k", "body");

    assertThat(second.reply()).isNotDone();
    store.complete("k", first, reply(202));
    assertThat(second.reply().join().status()).isEqualTo(202);
  }

  @Test
  void the_same_key_with_another_body_is_a_mismatch() {
    store.claim("k", "body");

    assertThat(store.claim("k", "other")).isInstanceOf(Mismatch.class);
  }

  @Test
  void a_key_is_forgotten_after_its_ttl() {
    First first = (First) store.claim("k", "body");
    store.complete("k", first, reply(202));

    now.addAndGet(Duration.ofSeconds(10).toNanos());

    assertThat(store.claim("k", "body")).isInstanceOf(First.class);
  }

  @Test
  void past_its_capacity_the_oldest_key_is_forgotten() {
    store.claim("a", "1");
    store.claim("b", "1");
    store.claim("c", "1");

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.claim("a", "1")).isInstanceOf(First.class);
    assertThat(store.claim("c", "1")).isInstanceOf(Replay.class);
  }

  @Test
  void a_retryable_reply_is_not_kept_so_a_retry_publishes() {
    First first = (First) store.claim("k", "body");
    store.complete("k", first, reply(503));

    assertThat(first.reply().join().status()).isEqualTo(503);
    assertThat(store.claim("k", "body")).isInstanceOf(First.class);
  }
}
