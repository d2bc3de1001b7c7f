package io.lagline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The KEDA component's ScaledObject, offline; ReceiveLagScalingIT runs its query. */
class LagScaledObjectTest {
  private final LagScaledObject scaler = LagScaledObject.read(OpsFiles.lagScaledObject());

  @Test
  void scales_the_reconciler_deployment_from_one_replica_with_a_prometheus_trigger() {
    JsonNode spec = scaler.json().path("spec");
    assertThat(scaler.json().path("apiVersion").asText()).isEqualTo("keda.sh/v1alpha1");
    assertThat(scaler.json().path("kind").asText()).isEqualTo("ScaledObject");
    assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
    assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo("lagline-reconciler");
    assertThat(spec.path("minReplicaCount").asInt()).isEqualTo(1);
    assertThat(spec.path("maxReplicaCount").asInt()).isGreaterThan(1);
    assertThat(spec.path("triggers")).hasSize(1);
    assertThat(spec.path("triggers").path(0).path("type").asText()).isEqualTo("prometheus");
    assertThat(spec.path("triggers").path(0).path("metricType").asText()).isEqualTo("Value");
    assertThat(
            spec.path("advanced")
                .path("horizontalPodAutoscalerConfig")
                .path("behavior")
                .path("scaleDown")
                .path("stabilizationWindowSeconds")
                .asInt())
        .isGreaterThanOrEqualTo(300);
  }

  @Test
  void the_query_reads_the_receive_lag_of_one_namespace_and_the_threshold_is_above_idle() {
    assertThat(PromQl.metricNames(scaler.query()))
        .containsExactly("lagline_reconciler_receive_lag_seconds");
    assertThat(scaler.query()).contains(LagScaledObject.NAMESPACE_MATCHER);
    // idle reads up to about the 10 s heartbeat interval, a steady stream about the 10 s window
    assertThat(scaler.threshold()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void the_component_is_a_kustomize_component_holding_the_scaled_object() throws IOException {
    JsonNode kustomization =
        new ObjectMapper(new YAMLFactory())
            .readTree(OpsFiles.lagScaledObject().resolveSibling("kustomization.yaml").toFile());

    assertThat(kustomization.path("apiVersion").asText())
        .isEqualTo("kustomize.config.k8s.io/v1alpha1");
    assertThat(kustomization.path("kind").asText()).isEqualTo("Component");
    assertThat(kustomization.path("resources").toString()).contains("scaledobject.yaml");
  }
}
