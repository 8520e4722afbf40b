package dev.clusterc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Checks that compare declarations pairwise report a group once, and stay fast with thousands of
 * declarations: N copies of one pool are one {@code cidr-overlap}, not N² / 2.
 */
class ManyDeclarationsTest {
  private static final int MANY = 2_000;
  private static final Duration GUARD = Duration.ofSeconds(60);

  private static List<Diagnostic> check(IntFunction<String> declaration, Code code) {
    StringBuilder text = new StringBuilder(CheckFixture.BASE).append("use cilium\n");
    for (int i = 0; i < MANY; i++) {
      text.append(declaration.apply(i)).append('\n');
    }
    Program program = assertTimeoutPreemptively(GUARD, () -> CheckFixture.program(text.toString()));
    return program.diagnostics().stream().filter(d -> d.code() == code).toList();
  }

  @Test
  void identicalPoolsAreOneOverlap() {
    List<Diagnostic> found = check(i -> "pool p" + i + " { range 10.0.0.100..10.0.0.200; via cilium }", Code.CIDR_OVERLAP);
    assertEquals(1, found.size());
    Diagnostic only = found.get(0);
    assertEquals(MANY + 8 + "", only.span().begin().line() + "", "reported at the last pool");
    assertEquals(MANY + " pool ranges overlap: the range 10.0.0.100..10.0.0.200 of pool p0, the range 10.0.0.100..10.0.0.200"
        + " of pool p1, the range 10.0.0.100..10.0.0.200 of pool p2 and " + (MANY - 3) + " more", only.message());
    assertEquals(10, only.related().size());
  }

  @Test
  void aChainOfOverlapsIsOneGroupAndDisjointRangesNone() {
    List<Diagnostic> found = check(i -> i % 2 == 0
        ? "pool p" + i + " { range 172.16." + i / 256 + "." + i % 256 + "/32; via cilium }"
        : "pool p" + i + " { range 172.17.0.0/16; via cilium }", Code.CIDR_OVERLAP);
    assertEquals(1, found.size(), "the odd pools overlap one another, the even ones nothing");
    assertEquals(MANY / 2 + "", found.get(0).message().split(" ")[0]);
  }

  @Test
  void twoOverlappingPoolsKeepThePairMessage() {
    String text = CheckFixture.BASE + "use cilium\npool a { range 10.0.0.100..10.0.0.150; via cilium }\n"
        + "pool b { range 10.0.0.140..10.0.0.200; via cilium }\n";
    assertEquals("10:16: error[cidr-overlap]: the range 10.0.0.140..10.0.0.200 of pool b overlaps the range"
        + " 10.0.0.100..10.0.0.150 of pool a (10.0.0.140..10.0.0.150)", CheckerHarness.run(new CidrChecker(), text));
  }

  @Test
  void poolsOverManyNodesAreOneConflictPerRange() {
    StringBuilder text = new StringBuilder(CheckFixture.BASE).append("use cilium\n");
    for (int i = 0; i < MANY; i++) {
      text.append("node n").append(i).append(" { role worker; address 10.1.").append(i / 250).append('.').append(i % 250 + 1).append(" }\n");
      text.append("pool p").append(i).append(" { range 10.1.0.0/16; via cilium }\n");
    }
    Program program = assertTimeoutPreemptively(GUARD, () -> CheckFixture.program(text.toString()));
    List<Diagnostic> found = program.diagnostics().stream().filter(d -> d.code() == Code.ADDRESS_CONFLICT).toList();
    assertEquals(MANY, found.size(), "one per pool, not one per pool and node");
    assertEquals("pool p0 contains " + MANY + " addresses in use: 10.1.0.1 of node n0, 10.1.0.2 of node n1, 10.1.0.3 of node n2,"
        + " 10.1.0.4 of node n3, 10.1.0.5 of node n4 and " + (MANY - 5) + " more", found.get(0).message());
  }
}
