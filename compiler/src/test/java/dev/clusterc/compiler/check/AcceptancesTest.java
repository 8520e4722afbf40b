package dev.clusterc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import org.junit.jupiter.api.Test;

/** {@code allow [CODE…] because "…"}, through the whole front end (it applies after every checker). */
class AcceptancesTest {
  /** A cluster with two control planes (cp0 on line 5), {@code CLUSTER_ENTRY} replaced by what the test writes. */
  private static String twoControlPlanes(String clusterEntry, String cp1Entry) {
    return """
        cluster lab {
          domain "lab.internal"
          network { nodes 192.168.1.0/24; router 192.168.1.1 }%s
        }
        node cp0 { role control-plane; address 192.168.1.10 }
        node cp1 { role control-plane; address 192.168.1.11%s }
        node w0 { role worker; address 192.168.1.20 }
        """.formatted(clusterEntry.isEmpty() ? "" : "\n  " + clusterEntry, cp1Entry.isEmpty() ? "" : "; " + cp1Entry);
  }

  @Test
  void withoutAllowTwoControlPlanesAreAnError() {
    Program program = CheckFixture.program(twoControlPlanes("", ""));
    assertEquals("5:6: error[quorum]: 2 control-plane nodes tolerate no failure: etcd needs 2 of 2 members",
        CheckFixture.render(program.diagnostics()));
  }

  @Test
  void allowOnTheClusterTurnsTheErrorIntoAWarningThatStillSaysTheCost() {
    Program program = CheckFixture.program(twoControlPlanes("allow [quorum] because \"two machines; backups cover the loss\"", ""));
    assertEquals("6:6: warning[quorum]: 2 control-plane nodes tolerate no failure: etcd needs 2 of 2 members"
        + " (accepted: two machines; backups cover the loss)", CheckFixture.render(program.diagnostics()));
    assertFalse(program.hasErrors());
    Diagnostic accepted = program.diagnostics().get(0);
    assertEquals("use 1 or 3 control-plane nodes", accepted.hint(), "the way out is still offered");
    Diagnostic.Related note = accepted.related().get(accepted.related().size() - 1);
    assertEquals("accepted here by cluster lab", note.message());
    assertEquals("4:3", note.span().begin().toString());
  }

  @Test
  void allowOnAControlPlaneNodeNamedInTheFindingsNotesWorksToo() {
    Program program = CheckFixture.program(twoControlPlanes("", "allow [quorum] because \"lab only\""));
    assertEquals("5:6: warning[quorum]: 2 control-plane nodes tolerate no failure: etcd needs 2 of 2 members (accepted: lab only)",
        CheckFixture.render(program.diagnostics()));
  }

  @Test
  void allowOnAnUnrelatedDeclarationAcceptsNothingAndSaysSo() {
    String text = twoControlPlanes("", "") + "node w1 { role worker; address 192.168.1.21; allow [quorum] because \"no\" }\n";
    assertEquals("""
        5:6: error[quorum]: 2 control-plane nodes tolerate no failure: etcd needs 2 of 2 members
        8:53: warning[unused-allow]: `allow [quorum]` on node w1 accepts nothing: no quorum finding is reported in node w1""",
        CheckFixture.check(text));
  }

  @Test
  void aStaleAllowIsAWarning() {
    String text = CheckFixture.BASE.replace("domain \"example.org\"",
        "domain \"example.org\"\n  allow [quorum] because \"we had two\"");
    assertEquals("3:10: warning[unused-allow]: `allow [quorum]` on cluster test accepts nothing: no quorum finding is reported in the cluster",
        CheckFixture.check(text));
  }

  @Test
  void anAcceptedWarningStaysAWarningAndSaysItIsAccepted() {
    String text = CheckFixture.BASE + "app web { image \"nginx:latest\"; allow [image-unpinned] because \"a demo\" }\n";
    String rendered = CheckFixture.check(text);
    assertTrue(rendered.matches("(?s).*warning\\[image-unpinned]: .*\\(accepted: a demo\\).*"), rendered);
    assertFalse(rendered.contains("error"), rendered);
  }

  @Test
  void codesThatAreNoFindingCannotBeAccepted() {
    String text = CheckFixture.BASE + "app web { image \"nginx:1.27\"; allow [syntax, undefined-reference] because \"x\" }\n";
    assertEquals("""
        8:38: error[invalid-value]: `syntax` cannot be accepted: it reports a source to correct, not a risk the cluster can run with
        8:46: error[invalid-value]: `undefined-reference` cannot be accepted: it reports a source to correct, not a risk the cluster can run with""",
        CheckFixture.check(text));
  }

  @Test
  void anUnknownCodeGetsADidYouMeanWithAFix() {
    String text = CheckFixture.BASE.replace("domain \"example.org\"", "domain \"example.org\"\n  allow [quorom] because \"x\"");
    Program program = CheckFixture.program(text);
    Diagnostic d = program.diagnostics().get(0);
    assertEquals(Code.INVALID_VALUE, d.code());
    assertEquals("`quorom` is no diagnostic code", d.message());
    assertEquals("did you mean `quorum`?", d.hint());
    assertEquals("quorum", d.fixes().get(0).edits().get(0).newText());
  }

  @Test
  void aReasonIsRequiredAndMayNotBeEmpty() {
    String missing = CheckFixture.BASE.replace("domain \"example.org\"", "domain \"example.org\"\n  allow [quorum]");
    assertTrue(CheckFixture.check(missing).contains("error[type-mismatch]: expected `because`"), CheckFixture.check(missing));
    String empty = CheckFixture.BASE.replace("domain \"example.org\"", "domain \"example.org\"\n  allow [quorum] because \" \"");
    assertEquals("3:26: error[invalid-value]: `allow` needs a reason, and this one is empty", CheckFixture.check(empty));
  }

  @Test
  void onlyFindingCodesAreAcceptable() {
    assertTrue(Code.QUORUM.acceptable());
    assertFalse(Code.SYNTAX.acceptable());
    assertFalse(Code.DEPENDENCY_CYCLE.acceptable());
    assertFalse(Code.UNUSED_ALLOW.acceptable());
    assertTrue(Code.API_SERVER_UNKNOWN.acceptable());
    assertTrue(Code.UNREAD_SECRET.acceptable());
    assertTrue(Code.BACKUP_VIA.acceptable());
  }

  @Test
  void anUnreadSecretCanBeAccepted() {
    String text = CheckFixture.BASE + """
        use external-secrets
        store vault { via azure-keyvault; config { vaultUrl: "https://home.vault.azure.net" } }
        secret dev { external vault key "dev"; allow [unread-secret] because "read by hand" }
        """;
    String rendered = CheckFixture.check(text);
    assertTrue(rendered.matches("(?s).*warning\\[unread-secret]: secret dev .*\\(accepted: read by hand\\).*"), rendered);
    assertFalse(rendered.contains("error"), rendered);
    assertFalse(rendered.contains("unused-allow"), rendered);
  }
}
