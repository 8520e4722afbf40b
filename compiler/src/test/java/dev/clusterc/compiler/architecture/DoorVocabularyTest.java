package dev.clusterc.compiler.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.clusterc.compiler.api.Frontend;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the door hands out is in its own words: a public member of a public class of
 * {@code compiler.api} takes and returns only Java's types and those of {@code api}, {@code source},
 * {@code diag} and {@code kube}, so a caller never holds a compiler internal (a {@code Decl}, a
 * {@code Program}, a {@code schema.Kind}). {@link Frontend}, the driver the compiler's own tests use,
 * is the one exception, and callers outside the compiler are kept from it by their own tests.
 */
class DoorVocabularyTest {
  private static final Set<String> WORDS = Set.of("dev.clusterc.compiler.api", "dev.clusterc.compiler.source",
      "dev.clusterc.compiler.diag", "dev.clusterc.compiler.kube");

  static final ArchRule IN_ITS_OWN_WORDS = ArchRuleDefinition.members().that().areDeclaredInClassesThat()
      .resideInAPackage("dev.clusterc.compiler.api").and().areDeclaredInClassesThat().arePublic()
      .and().areDeclaredInClassesThat().doNotHaveFullyQualifiedName(Frontend.class.getName())
      .and().arePublic()
      .should(new ArchCondition<JavaMember>("use only the door's vocabulary in their signatures") {
        @Override
        public void check(JavaMember member, ConditionEvents events) {
          for (JavaClass type : signature(member)) {
            JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
            String pkg = base.getPackageName();
            if (pkg.startsWith("dev.clusterc.") && !WORDS.contains(pkg)) {
              events.add(SimpleConditionEvent.violated(member, member.getFullName() + " shows " + base.getName()));
            }
          }
        }
      });

  private static List<JavaClass> signature(JavaMember member) {
    List<JavaClass> types = new ArrayList<>();
    if (member instanceof JavaField field) {
      types.add(field.getRawType());
    } else if (member instanceof JavaCodeUnit code) {
      types.add(code.getRawReturnType());
      types.addAll(code.getRawParameterTypes());
      code.getReturnType().getAllInvolvedRawTypes().forEach(types::add);
      code.getParameterTypes().forEach(p -> types.addAll(p.getAllInvolvedRawTypes()));
    }
    return types;
  }

  @Test
  void theDoorSpeaksOnlyItsOwnWords() {
    IN_ITS_OWN_WORDS.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.clusterc.compiler.api"));
  }

  @Test
  void aMemberShowingAnInternalTypeFails() {
    EvaluationResult result = IN_ITS_OWN_WORDS.evaluate(new ClassFileImporter().importPackages("dev.clusterc.compiler.api")
        .that(com.tngtech.archunit.base.DescribedPredicate.describe("the fixture",
            (JavaClass c) -> c.getSimpleName().equals("LeakyDoorFixture"))));
    assertTrue(result.hasViolation(), "the fixture's method returns a schema.Kind");
    assertTrue(result.getFailureReport().toString().contains("dev.clusterc.compiler.schema.Kind"),
        result.getFailureReport().toString());
  }
}
