package io.lagline.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TopFramesTest {
  private static final String COLLAPSED =
      """
      java/lang/Thread.run_[j];io/lagline/reconciler/intake/MessageHandler.receive_[j];io/lagline/reconciler/apply/EventApplier.apply_[j];com/fasterxml/jackson/core/JsonParser.nextToken_[j] 50
      java/lang/Thread.run_[j];io/lagline/reconciler/intake/MessageHandler.receive_[j];io/netty/channel/Write.flush_[j];__send_[k] 30
      java/lang/Thread.run_[j];io/lagline/a/Rec.f_[j];io/lagline/a/Rec.f_[j];java/util/HashMap.get_[i] 20
      not a line
      """;

  @Test
  void self_is_the_top_frame_and_lagline_frames_count_once_per_stack() {
    TopFrames top = TopFrames.of(COLLAPSED, 10);

    assertThat(top.samples()).isEqualTo(100);
    assertThat(top.self().get(0).frame())
        .isEqualTo("com/fasterxml/jackson/core/JsonParser.nextToken");
    assertThat(top.self().get(0).percent()).isCloseTo(50, within(1e-9));
    assertThat(top.self()).extracting(TopFrames.Share::frame).contains("__send");
    assertThat(top.lagline().get(0).frame())
        .isEqualTo("io/lagline/reconciler/intake/MessageHandler.receive");
    assertThat(top.lagline().get(0).samples()).isEqualTo(80);
    // a recursive frame is on its stack once, not twice
    assertThat(top.lagline())
        .filteredOn(s -> s.frame().equals("io/lagline/a/Rec.f"))
        .singleElement()
        .satisfies(s -> assertThat(s.samples()).isEqualTo(20));
  }

  @Test
  void keeps_the_limit_and_survives_an_empty_profile() {
    assertThat(TopFrames.of(COLLAPSED, 1).self()).hasSize(1);
    assertThat(TopFrames.of("", 5).samples()).isZero();
    assertThat(TopFrames.of("", 5).self()).isEmpty();
  }

  @Test
  void roots_are_the_categories_of_a_classified_profile() {
    String classified =
        """
        [jit]_[j];io/lagline/A.f_[j] 60
        [c1_comp]_[1];Compile::Compile 30
        [jit]_[j];io/lagline/B.g_[j] 10
        """;

    assertThat(TopFrames.roots(classified))
        .extracting(TopFrames.Share::frame, TopFrames.Share::samples)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("[jit]", 70L),
            org.assertj.core.groups.Tuple.tuple("[c1_comp]", 30L));
  }
}
