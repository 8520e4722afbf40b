package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.diag.Fix;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackupCoverageCheckerTest {
  private static final BackupCoverageChecker CHECKER = new BackupCoverageChecker();

  @Test
  void aVolumeWithoutBackup() {
    assertEquals("""
        8:8: warning[unbacked-volume]: volume config has no backup
          hint: add `backup POLICY`, or `backup none` to say it needs none""",
        CheckerHarness.detailed(CHECKER, BASE + "volume config { size 1Gi }\n"));
  }

  @Test
  void aDatabaseWithoutBackup() {
    assertEquals("9:10: warning[unbacked-volume]: database postgres has no backup",
        CheckerHarness.run(CHECKER, BASE + "use cloudnative-pg\ndatabase postgres { size 10Gi }\n"));
  }

  @Test
  void theHintNamesAnExistingPolicy() {
    assertEquals("""
        10:8: warning[unbacked-volume]: volume config has no backup
          hint: add `backup nightly`, or `backup none` to say it needs none""", CheckerHarness.detailed(CHECKER, BASE + """
            use volsync
            backup nightly { schedule "0 3 * * *"; keep { daily: 7 }; target "nfs://nas.example.org/backups" }
            volume config { size 1Gi }
            """));
  }

  @Test
  void aPolicyIsOfferedOnlyWhereItFits() {
    String text = BASE + """
        use longhorn
        use cloudnative-pg
        backup nas { schedule "0 2 * * *"; keep { daily: 7 }; target "nfs://nas:/backups"; via longhorn }
        volume media { size 50Gi; class "longhorn"; backup nas }
        volume fast { size 5Gi; class "longhorn" }
        volume other { size 5Gi; class "local-path" }
        volume bare { size 5Gi }
        """;
    List<String> offered = CheckerHarness.diagnostics(CHECKER, text, true).stream()
        .map(d -> d.message() + ": " + d.hint() + " " + d.fixes().stream().map(Fix::title).toList()).toList();
    assertEquals(List.of(
        "volume fast has no backup: add `backup nas`, or `backup none` to say it needs none [add `backup nas`, add `backup none`]",
        "volume other has no backup: add `backup POLICY`, or `backup none` to say it needs none [add `backup none`]",
        "volume bare has no backup: add `backup POLICY`, or `backup none` to say it needs none [add `backup none`]"), offered);
  }

  @Test
  void aPolicyOrNoneIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        use volsync
        use cloudnative-pg
        backup nightly { schedule "0 3 * * *"; keep { daily: 7 }; target "nfs://nas.example.org/backups" }
        volume config { size 1Gi; backup nightly }
        volume cache { size 1Gi; backup none }
        database postgres { size 10Gi; backup none }
        """));
  }

  @Test
  void aBackupNamingNothingIsLeftToTheResolver() {
    assertEquals("", CheckerHarness.runBroken(CHECKER, BASE + "volume config { size 1Gi; backup nigthly }\n"));
  }
}
