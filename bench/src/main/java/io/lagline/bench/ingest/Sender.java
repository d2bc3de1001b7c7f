package io.lagline.bench.ingest;

import java.util.concurrent.CompletableFuture;

/** Sends the {@code i}-th event of a phase one way (the library, or HTTP) without blocking. */
interface Sender {
  CompletableFuture<Outcome> send(String phase, int i);
}
