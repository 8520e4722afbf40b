package dev.clusterc.compiler.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.clusterc.compiler.archfixture.first.LoopStart;
import dev.clusterc.compiler.archfixture.second.LoopEnd;
import dev.clusterc.compiler.diag.UpwardImportFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compiler's packages keep their arrows one way: no import goes up a level, no two packages
 * import each other. Each rule is also run on fixtures under {@code src/test} that break it, so
 * a rule that silently passes everything would fail here.
 */
class PackageLevelsTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.clusterc.compiler");

  @Test
  void noPackageImportsOneAboveIt() {
    PackageLevels.noUpwardImports().check(MAIN);
  }

  @Test
  void noPackagesImportEachOther() {
    PackageLevels.noCycles().check(MAIN);
  }

  @Test
  void theMainClassesAreAllThere() {
    assertTrue(MAIN.contain("dev.clusterc.compiler.api.ClusterCompiler"));
    assertTrue(MAIN.size() > 200, "imported " + MAIN.size() + " classes");
  }

  @Test
  void anUpwardImportFails() {
    EvaluationResult result = PackageLevels.noUpwardImports()
        .evaluate(new ClassFileImporter().importClasses(UpwardImportFixture.class));
    assertTrue(result.hasViolation());
    assertTrue(result.getFailureReport().toString().contains("dev.clusterc.compiler.program"),
        result.getFailureReport().toString());
  }

  @Test
  void aCycleFails() {
    EvaluationResult result = PackageLevels.noCycles()
        .evaluate(new ClassFileImporter().importClasses(LoopStart.class, LoopEnd.class));
    assertTrue(result.hasViolation(), "archfixture.first ↔ archfixture.second is a cycle");
  }

  @Test
  void aPackageWithoutALevelFails() {
    assertEquals(Optional.empty(), PackageLevels.level("dev.clusterc.compiler.archfixture.first"));
    EvaluationResult result = PackageLevels.noUpwardImports()
        .evaluate(new ClassFileImporter().importClasses(LoopStart.class));
    assertTrue(result.getFailureReport().toString().contains("has no level"), result.getFailureReport().toString());
  }

  @Test
  void levelsGoUpTheHouse() {
    assertEquals(Optional.of(0), PackageLevels.level("dev.clusterc.compiler.source"));
    assertTrue(PackageLevels.level("dev.clusterc.compiler.emit.core").get() < PackageLevels.level("dev.clusterc.compiler.emit.app").get());
    assertEquals(Optional.of(PackageLevels.LEVELS.size() - 1), PackageLevels.level("dev.clusterc.compiler.api"));
  }
}
