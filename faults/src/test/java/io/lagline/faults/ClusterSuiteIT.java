package io.lagline.faults;

import io.lagline.testkit.stack.KeepLogsOnFailure;
import io.lagline.testkit.stack.LocalStack;
import io.lagline.testkit.stack.LocalStackOptions;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault suite's cluster scenarios ({@code bin/faults --cluster}): the standard workload's
 * checks, on three Cassandra nodes ({@code 127.0.0.1}-{@code 127.0.0.3}, one data center, every
 * scenario's keyspace at replication factor 3) while nodes are killed, frozen or cut off. Its table
 * has one more column than the single-node one: how many row writes were ambiguous at least once,
 * and how the re-issued write resolved them, from the audit trail. The cluster starts only when
 * {@value FaultScenario#PROPERTY} selects a cluster scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(KeepLogsOnFailure.class)
class ClusterSuiteIT {
  /** The cluster's size. */
  static final int NODES = 3;

  private final Set<FaultScenario> selected = FaultScenario.selected();

  LocalStack stack;
  FaultStack faults;

  @BeforeAll
  void startCluster() {
    Assumptions.assumeTrue(
        selected.stream().anyMatch(FaultScenario::cluster),
        FaultScenario.PROPERTY + " selects no cluster scenario");
    if (selected.stream().anyMatch(s -> s.cluster() && s != FaultScenario.Q)) {
      start(LocalStackOptions.builder().cassandraNodes(NODES).build());
    }
  }

  /** Replaces the stack running now, if any, with one on {@code options}. */
  private void start(LocalStackOptions options) {
    if (faults != null) {
      faults.close();
      faults = null;
    }
    if (stack != null) {
      stack.close();
      stack = null;
    }
    stack = LocalStack.start(options);
    faults = new FaultStack(stack, true);
  }

  @AfterAll
  void stopCluster() {
    if (!ResultTable.rows(true).isEmpty()) {
      ResultTable.publish(FaultStack.tableFile(true), true);
    }
    if (faults != null) {
      faults.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void m_one_node_of_three_killed_mid_stream_and_restarted_writes_go_on_without_a_pause()
      throws Exception {
    run(FaultScenario.M, ClusterScenarios::nodeKilled);
  }

  @Test
  @Order(2)
  void n_one_node_frozen_for_30_s_its_ambiguous_writes_are_resolved() throws Exception {
    run(FaultScenario.N, ClusterScenarios::nodeFrozen);
  }

  @Test
  @Order(3)
  void o_two_nodes_of_three_down_for_20_s_pauses_the_reconciler_and_it_resumes() throws Exception {
    run(FaultScenario.O, ClusterScenarios::twoDown);
  }

  @Test
  @Order(4)
  void p_the_link_to_one_node_dark_for_20_s_its_writes_go_to_the_others() throws Exception {
    run(FaultScenario.P, ClusterScenarios::coordinatorCut);
  }

  @Test
  @Order(5)
  void q_two_data_centers_the_remote_one_frozen_for_30_s_writes_go_on_without_a_pause()
      throws Exception {
    Assumptions.assumeTrue(
        selected.contains(FaultScenario.Q), "q is not in " + FaultScenario.PROPERTY);
    // its own cluster: nodes 1 and 2 in the local data center, node 3 in a remote one
    start(LocalStackOptions.builder().cassandraNodes(NODES).cassandraRemoteNodes(1).build());
    run(FaultScenario.Q, ClusterScenarios::remoteDatacenterFrozen);
  }

  private void run(FaultScenario which, FaultSuiteIT.ScenarioBody body) throws Exception {
    Assumptions.assumeTrue(
        selected.contains(which), which.shortName() + " is not in " + FaultScenario.PROPERTY);
    try (Scenario scenario =
        Scenario.create(
            faults,
            which.id(),
            which.title(),
            false,
            FaultWorkload.standard(which.ordinal() + 1),
            false,
            "")) {
      body.run(faults, scenario);
    }
  }
}
