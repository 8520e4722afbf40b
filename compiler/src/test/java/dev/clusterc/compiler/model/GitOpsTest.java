package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

class GitOpsTest {
  private static GitOps gitops(String block) {
    return Cluster.of(CheckFixture.program("""
        cluster test {
          domain "example.org"
          network { nodes 10.0.0.0/24 }
          gitops flux { %s }
        }
        """.formatted(block)).model()).orElseThrow().gitops();
  }

  @Test
  void theSchemasDefaultsFillWhatIsNotWritten() {
    GitOps gitops = gitops("repository \"https://git.example.org/infra\"");
    assertEquals("https://git.example.org/infra", gitops.repository().value());
    assertEquals("\"https://git.example.org/infra\"", gitops.repository().span().text());
    assertEquals("main", gitops.branch());
    assertNull(gitops.path());
    assertEquals("10m0s", gitops.interval().toGoString());
    assertEquals("sops-age", gitops.decryption().value());
    assertFalse(gitops.decryption().isWritten());
    assertNull(gitops.secret());
    assertFalse(gitops.secretStated());
    assertTrue(gitops.ladder(), "ordering ladder is the default");
  }

  @Test
  void orderingEdgesTurnsTheLadderOff() {
    assertFalse(gitops("repository \"https://git.example.org/infra\"; ordering edges").ladder());
    assertTrue(gitops("repository \"https://git.example.org/infra\"; ordering ladder").ladder());
  }

  @Test
  void writtenEntriesKeepTheirSpans() {
    GitOps gitops = gitops("repository \"ssh://git@example.org/infra\"; branch \"prod\"; path \"./clusters/x/\";"
        + " interval 1h; decryption \"age-key\"; secret \"flux-system\"");
    assertEquals("prod", gitops.branch());
    assertEquals("./clusters/x/", gitops.path().value());
    assertEquals("1h0m0s", gitops.interval().toGoString());
    assertTrue(gitops.decryption().isWritten());
    assertEquals("\"age-key\"", gitops.decryption().span().text());
    assertEquals("flux-system", gitops.secret().value());
    assertTrue(gitops.secretStated());
  }

  @Test
  void aClusterWithoutGitopsHasNoneAndComponentsUseTheSchemasInterval() {
    Cluster cluster = Cluster.of(CheckFixture.program(CheckFixture.BASE).model()).orElseThrow();
    assertNull(cluster.gitops());
    assertEquals("10m0s", GitOps.defaultInterval().toGoString());
  }
}
