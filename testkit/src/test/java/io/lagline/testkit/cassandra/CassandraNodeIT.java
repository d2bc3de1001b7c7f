package io.lagline.testkit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A node on its own, with password authentication. */
class CassandraNodeIT {

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void password_authentication_admits_the_superuser_and_rejects_a_wrong_password(
      @TempDir Path dir) {
    CassandraNodeOptions options =
        CassandraNodeOptions.builder().authenticator(CassandraAuthenticator.PASSWORD).build();
    try (CassandraNode node = CassandraNode.start(options, dir)) {
      try (CqlSession session = node.sessionBuilder().build()) {
        assertThat(
                session
                    .execute("SELECT role FROM system_auth.roles WHERE role = 'cassandra'")
                    .one())
            .isNotNull();
      }

      assertThatThrownBy(
              () ->
                  CqlSession.builder()
                      .addContactPoint(node.contactPoint())
                      .withLocalDatacenter(node.localDatacenter())
                      .withAuthCredentials("cassandra", "wrong")
                      .build()
                      .close())
          .isInstanceOf(AllNodesFailedException.class)
          .satisfies(
              e ->
                  assertThat(((AllNodesFailedException) e).getAllErrors().values())
                      .flatMap(errors -> errors)
                      .hasAtLeastOneElementOfType(AuthenticationException.class));

      assertThatThrownBy(node::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already running");
    }
  }
}
