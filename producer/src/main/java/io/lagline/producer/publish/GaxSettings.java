package io.lagline.producer.publish;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.retrying.RetrySettings;

/** Translates {@link PublisherSettings} into the Pub/Sub client's batching and retry settings. */
final class GaxSettings {
  private GaxSettings() {}

  static BatchingSettings batching(PublisherSettings settings) {
    FlowControlSettings flowControl =
        FlowControlSettings.newBuilder()
            .setMaxOutstandingElementCount(settings.maxOutstandingMessages())
            .setMaxOutstandingRequestBytes(settings.maxOutstandingBytes())
            .setLimitExceededBehavior(
                switch (settings.limitExceeded()) {
                  case BLOCK -> LimitExceededBehavior.Block;
                  case FAIL -> LimitExceededBehavior.ThrowException;
                })
            .build();
    return BatchingSettings.newBuilder()
        .setElementCountThreshold(settings.batchMaxMessages())
        .setRequestByteThreshold(settings.batchMaxBytes())
        .setDelayThresholdDuration(settings.batchDelay())
        .setFlowControlSettings(flowControl)
        .build();
  }

  static RetrySettings retry(PublisherSettings settings) {
    return RetrySettings.newBuilder()
        .setTotalTimeoutDuration(settings.publishTimeout())
        .setInitialRetryDelayDuration(settings.retryInitialDelay())
        .setRetryDelayMultiplier(PublisherSettings.RETRY_DELAY_MULTIPLIER)
        .setMaxRetryDelayDuration(settings.retryMaxDelay())
        .setInitialRpcTimeoutDuration(settings.rpcTimeout())
        .setRpcTimeoutMultiplier(1.0)
        .setMaxRpcTimeoutDuration(settings.rpcTimeout())
        .build();
  }
}
