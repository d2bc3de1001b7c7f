package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.retrying.RetrySettings;
import io.lagline.producer.publish.PublisherSettings.LimitExceeded;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GaxSettingsTest {

  @Test
  void batching_carries_size_triggers_and_bounded_blocking_flow_control() {
    BatchingSettings batching = GaxSettings.batching(PublisherSettings.defaults());

    assertThat(batching.getElementCountThreshold()).isEqualTo(1000);
    assertThat(batching.getRequestByteThreshold()).isEqualTo(1024 * 1024);
    assertThat(batching.getDelayThresholdDuration()).isEqualTo(Duration.ofMillis(10));
    assertThat(batching.getFlowControlSettings().getMaxOutstandingElementCount()).isEqualTo(10_000);
    assertThat(batching.getFlowControlSettings().getMaxOutstandingRequestBytes())
        .isEqualTo(64L * 1024 * 1024);
    assertThat(batching.getFlowControlSettings().getLimitExceededBehavior())
        .isEqualTo(LimitExceededBehavior.Block);
  }

  @Test
  void fail_at_the_limit_maps_to_throwing_flow_control() {
    BatchingSettings batching =
        GaxSettings.batching(PublisherSettings.builder().limitExceeded(LimitExceeded.FAIL).build());

    assertThat(batching.getFlowControlSettings().getLimitExceededBehavior())
        .isEqualTo(LimitExceededBehavior.ThrowException);
  }

  @Test
  void retry_is_bounded_by_the_publish_timeout() {
    RetrySettings retry = GaxSettings.retry(PublisherSettings.defaults());

    assertThat(retry.getTotalTimeoutDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(retry.getInitialRetryDelayDuration()).isEqualTo(Duration.ofMillis(100));
    assertThat(retry.getMaxRetryDelayDuration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(retry.getRetryDelayMultiplier()).isEqualTo(2.0);
    assertThat(retry.getInitialRpcTimeoutDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(retry.getMaxRpcTimeoutDuration()).isEqualTo(Duration.ofSeconds(15));
  }
}
