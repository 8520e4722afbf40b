package dev.clusterc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The brief's two normative examples (the texts of {@link NormativeExamplesTest}) and the example
 * clusters must give these checkers nothing to report, except {@code examples/tosih-home-ops}, which
 * keeps the seed's two control planes.
 */
class ExampleClustersTest {
  /** The checkers of this group, run directly so that the test does not depend on {@link Checkers#all()}. */
  static final List<Checker> GROUP = List.of(new QuorumChecker(), new AddressPlanChecker(), new AddressConflictChecker(),
      new CidrChecker(), new PoolChecker(), new ReplicasChecker(), new SharedServiceAddressChecker(), new BackupScheduleChecker(),
      new BackupTargetChecker(), new DatabaseArchiveChecker(), new SecretSourceChecker(), new PoolRangeChecker(),
      new GatewayListenersChecker(), new PortRangeChecker(), new PortNameChecker(), new EnvPrefixChecker(),
      new ResourceQuantityChecker(), new MinimumCountChecker(), new SizeChecker(), new PostgresVersionChecker(),
      new NameRulesChecker());

  static String group(Program program) {
    List<Diagnostic> out = new ArrayList<>();
    GROUP.forEach(checker -> checker.check(program, out::add));
    out.sort(Diagnostic.ORDER);
    return out.stream().map(Diagnostic::toString).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  @Test
  void theFirstNormativeExampleIsClean() {
    assertEquals("", group(CheckFixture.program(NormativeExamplesTest.HOMELAB)));
  }

  @Test
  void theSecondNormativeExampleIsClean() {
    assertEquals("", group(CheckFixture.program(NormativeExamplesTest.FAILOVER_PAIR)));
  }

  @Test
  void theFirstExampleWithoutControl2FailsQuorumAtControl0() {
    String twoControlPlanes = NormativeExamplesTest.HOMELAB.replace("node control2 { role control-plane; address 10.0.50.3 }\n", "");
    assertEquals("test.cluster:17:6: error[quorum]: 2 control-plane nodes tolerate no failure: etcd needs 2 of 2 members",
        group(CheckFixture.program(twoControlPlanes)));
  }

  @TestFactory
  Stream<DynamicTest> exampleClusters() throws IOException {
    Path root = Repo.root();
    List<Path> dirs;
    try (Stream<Path> list = Files.list(root.resolve("examples"))) {
      dirs = list.filter(Files::isDirectory).sorted().toList();
    }
    return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Program program = Frontend.check(dir, new Workspace(root));
      String expected = dir.getFileName().toString().equals("tosih-home-ops")
          ? "examples/tosih-home-ops/nodes.cluster:3:6: error[quorum]: 2 control-plane nodes tolerate no failure: etcd needs 2 of 2 members"
          : "";
      assertEquals(expected, group(program));
    }));
  }
}
