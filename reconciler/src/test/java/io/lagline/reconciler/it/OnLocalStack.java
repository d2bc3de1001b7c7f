package io.lagline.reconciler.it;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lagline.testkit.pubsub.PubSubTestResources;
import io.lagline.testkit.stack.KeepLogsOnFailure;
import io.lagline.testkit.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of an integration test class on one local stack: a real Pub/Sub emulator and a real
 * Cassandra node, started before its first test and stopped after its last, with their logs kept
 * when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KeepLogsOnFailure.class)
abstract class OnLocalStack {
  LocalStack stack;
  PubSubTestResources pubsub;
  CqlSession session;
  Path dir;

  @BeforeAll
  void startStack() throws Exception {
    stack = LocalStack.start();
    pubsub = stack.connectPubSub();
    session = stack.cassandra().sessionBuilder().build();
    dir = Files.createTempDirectory(getClass().getSimpleName());
  }

  @AfterAll
  void stopStack() {
    if (session != null) {
      session.close();
    }
    if (pubsub != null) {
      pubsub.close();
    }
    if (stack != null) {
      stack.close();
    }
  }
}
