package dev.clusterc.cli.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.clusterc.compiler.api.Frontend;
import org.junit.jupiter.api.Test;

/**
 * The command line stands on the compiler's one door: it may use {@code compiler.api} and the
 * value packages that door speaks in ({@code compiler.source}, {@code compiler.diag}), and nothing
 * else of the compiler. The rule is also run on a fixture that breaks it, to prove it can fail.
 */
class CompilerDoorTest {
  /** The packages of the compiler the CLI may use (see the package-info of {@code compiler.api}). */
  static final String[] ALLOWED = {"dev.clusterc.compiler.api..", "dev.clusterc.compiler.source..", "dev.clusterc.compiler.diag.."};

  static final ArchRule ONLY_THROUGH_THE_DOOR = ArchRuleDefinition.noClasses().that().resideInAPackage("dev.clusterc.cli..")
      .should().dependOnClassesThat(resideInAPackage("dev.clusterc.compiler..").and(not(resideInAnyPackage(ALLOWED))))
      .orShould().dependOnClassesThat(type(Frontend.class))
      .because("the CLI uses the compiler through compiler.api only, in the words of compiler.source and compiler.diag;"
          + " api.Frontend hands out the internal program and is for the compiler's own tests");

  @Test
  void theCliUsesOnlyTheDoor() {
    JavaClasses cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.clusterc.cli");
    assertTrue(cli.contain("dev.clusterc.cli.CompileCommand"), "the CLI's classes were imported");
    ONLY_THROUGH_THE_DOOR.check(cli);
  }

  @Test
  void reachingPastTheDoorFails() {
    EvaluationResult result = ONLY_THROUGH_THE_DOOR.evaluate(new ClassFileImporter().importClasses(PastTheDoorFixture.class));
    assertTrue(result.hasViolation());
    assertTrue(result.getFailureReport().toString().contains("dev.clusterc.compiler.syntax.Parser"),
        result.getFailureReport().toString());
    assertTrue(result.getFailureReport().toString().contains("dev.clusterc.compiler.api.Frontend"),
        result.getFailureReport().toString());
  }
}
