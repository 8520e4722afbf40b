package dev.clusterc.lsp.architecture;

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
 * The language server answers from the compiler's own analysis, through its one door: {@code
 * compiler.api} and the value packages it speaks in. It has no parser or checker of its own, so it
 * never imports the compiler's syntax, binding or checks; and its features never speak JSON-RPC
 * (that is the glue's). Both rules are also run on a fixture that breaks them, to prove they can fail.
 */
class LspDoorTest {
  static final String[] ALLOWED = {"dev.clusterc.compiler.api..", "dev.clusterc.compiler.source..", "dev.clusterc.compiler.diag.."};

  static final ArchRule ONLY_THROUGH_THE_DOOR = ArchRuleDefinition.noClasses().that().resideInAPackage("dev.clusterc.lsp..")
      .should().dependOnClassesThat(resideInAPackage("dev.clusterc.compiler..").and(not(resideInAnyPackage(ALLOWED))))
      .orShould().dependOnClassesThat(type(Frontend.class))
      .because("the language server has no second analysis: it asks compiler.api, in the words of compiler.source and compiler.diag");

  static final ArchRule FEATURES_WITHOUT_GLUE = ArchRuleDefinition.noClasses().that().resideInAnyPackage("dev.clusterc.lsp.feature..",
          "dev.clusterc.lsp.workspace..")
      .should().dependOnClassesThat(resideInAnyPackage("org.eclipse.lsp4j.jsonrpc..", "org.eclipse.lsp4j.launch..",
          "org.eclipse.lsp4j.services..").and(not(type(org.eclipse.lsp4j.jsonrpc.CancelChecker.class)))
          .and(not(resideInAPackage("org.eclipse.lsp4j.jsonrpc.messages.."))))
      .orShould().dependOnClassesThat(resideInAPackage("dev.clusterc.lsp").and(not(resideInAnyPackage("dev.clusterc.lsp.feature..",
          "dev.clusterc.lsp.workspace.."))))
      .because("features and the workspace answer in protocol types; connections, launchers and services are the glue's");

  @Test
  void theServerUsesOnlyTheCompilersDoor() {
    JavaClasses lsp = importMain();
    assertTrue(lsp.contain("dev.clusterc.lsp.ClustercLanguageServer"), "the server's classes were imported");
    ONLY_THROUGH_THE_DOOR.check(lsp);
  }

  @Test
  void featuresStayFreeOfTheGlue() {
    FEATURES_WITHOUT_GLUE.check(importMain());
  }

  @Test
  void reachingPastTheDoorFails() {
    EvaluationResult result = ONLY_THROUGH_THE_DOOR.evaluate(new ClassFileImporter().importClasses(PastTheDoorFixture.class));
    assertTrue(result.getFailureReport().toString().contains("dev.clusterc.compiler.syntax.Parser"),
        result.getFailureReport().toString());
  }

  @Test
  void aFeatureReachingForTheGlueFails() throws ClassNotFoundException {
    EvaluationResult result = FEATURES_WITHOUT_GLUE.evaluate(new ClassFileImporter()
        .importClasses(Class.forName("dev.clusterc.lsp.feature.GlueInAFeatureFixture")));
    assertTrue(result.getFailureReport().toString().contains("org.eclipse.lsp4j.launch.LSPLauncher"),
        result.getFailureReport().toString());
  }

  private static JavaClasses importMain() {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.clusterc.lsp");
  }
}
