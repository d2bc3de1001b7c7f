package io.lagline.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The KEDA ScaledObject of {@code deploy/k8s/components/keda-lag-scaling}, read from the file, so
 * that tests run the exact query and threshold the cluster would.
 *
 * @param json the whole object
 * @param query {@code spec.triggers[0].metadata.query}
 * @param threshold {@code spec.triggers[0].metadata.threshold}
 */
record LagScaledObject(JsonNode json, String query, double threshold) {
  /** The namespace matcher in the query, a placeholder each overlay sets. */
  static final String NAMESPACE_MATCHER = "namespace=\"lagline\"";

  static LagScaledObject read(Path file) {
    try {
      JsonNode json = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      JsonNode metadata = json.path("spec").path("triggers").path(0).path("metadata");
      return new LagScaledObject(
          json, metadata.path("query").asText(), metadata.path("threshold").asDouble());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The query with its namespace matcher replaced by {@code matcher}: the label the test's
   * Prometheus attaches instead of Kubernetes' namespace.
   */
  String queryWith(String matcher) {
    if (!query.contains(NAMESPACE_MATCHER)) {
      throw new IllegalStateException("the query has no " + NAMESPACE_MATCHER + ": " + query);
    }
    return query.replace(NAMESPACE_MATCHER, matcher);
  }
}
