package io.lagline.producer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lagline.config.Secret;
import org.junit.jupiter.api.Test;

class BearerTokenAuthenticatorTest {
  private final Authenticator auth =
      new BearerTokenAuthenticator(Secret.of("s3cret-token-of-some-length"));

  @Test
  void the_configured_token_is_let_in() {
    assertThat(auth.authenticate("Bearer s3cret-token-of-some-length").principal())
        .isEqualTo(BearerTokenAuthenticator.PRINCIPAL);
    assertThat(auth.authenticate("bearer  s3cret-token-of-some-length ").ok()).isTrue();
  }

  @Test
  void a_missing_wrong_or_other_scheme_token_is_refused_without_echoing_it() {
    assertThat(auth.authenticate(null).reason()).isEqualTo("missing bearer token");
    assertThat(auth.authenticate("Basic czNjcmV0").reason()).isEqualTo("missing bearer token");
    assertThat(auth.authenticate("Bearer ").ok()).isFalse();
    AuthResult wrong = auth.authenticate("Bearer s3cret-token-of-some-lengtX");
    assertThat(wrong.ok()).isFalse();
    assertThat(wrong.reason()).doesNotContain("s3cret");
    assertThat(auth.authenticate("Bearer s3cret-token-of-some-length-and-more").ok()).isFalse();
  }

  @Test
  void none_lets_everyone_in() {
    assertThat(Authenticator.none().authenticate(null).principal()).isEqualTo("anonymous");
  }
}
