package io.lagline.reconciler.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ApiExceptionFactory;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

class AuditPullTest {
  private static final String SUBSCRIPTION = "projects/p/subscriptions/audit";

  private static ApiException failed(Status status) {
    return ApiExceptionFactory.createException(
        status.asRuntimeException(), GrpcStatusCode.of(status.getCode()), false);
  }

  @Test
  void a_failure_other_than_not_found_is_reported_with_its_status_and_no_hint() {
    ApiException tooLarge =
        failed(
            Status.RESOURCE_EXHAUSTED.withDescription(
                "gRPC message exceeds maximum size 4194304: 6291867"));

    assertThat(AuditPull.describe("pull from", SUBSCRIPTION, tooLarge))
        .isEqualTo(
            "cannot pull from projects/p/subscriptions/audit: RESOURCE_EXHAUSTED"
                + " gRPC message exceeds maximum size 4194304: 6291867");
  }

  @Test
  void only_not_found_says_the_subscription_may_be_missing() {
    ApiException missing = failed(Status.NOT_FOUND.withDescription("Subscription does not exist"));

    assertThat(AuditPull.describe("seek", SUBSCRIPTION, missing))
        .isEqualTo(
            "cannot seek projects/p/subscriptions/audit: NOT_FOUND Subscription does not exist"
                + " (check audit.subscription exists on pubsub.topic: `reconciler provision`"
                + " creates it)");
  }
}
