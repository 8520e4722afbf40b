package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The pointers and kinds of {@code ignore-drift} on apps and components. */
class DriftIgnoreCheckerTest {
  private static final DriftIgnoreChecker CHECKER = new DriftIgnoreChecker();

  /** An app on line 9 whose entries start on line 11. */
  private static String app(String... entries) {
    StringBuilder out = new StringBuilder(BASE).append("app web {\n  image \"nginx:1.27.0\"\n");
    for (String entry : entries) {
      out.append("  ").append(entry).append('\n');
    }
    return out.append("}\n").toString();
  }

  @Test
  void wellFormedPointersOnKindsTheAppCompilesToAreFine() {
    assertEquals("", CheckerHarness.run(CHECKER, app(
        "port http 80",
        "replicas 2",
        "ignore-drift \"/spec/replicas\" in Deployment",
        "ignore-drift \"/metadata/annotations/example.com~1owner\"",
        "ignore-drift \"/spec/template/metadata/annotations/a~0b\" in Deployment",
        "ignore-drift \"/spec/ports/0\" in Service",
        "ignore-drift \"/spec/maxUnavailable\" in PodDisruptionBudget",
        "ignore-drift \"/metadata/labels\"")));
  }

  @Test
  void anEmptyPointerWouldIgnoreTheWholeObject() {
    assertEquals("""
        10:16: error[invalid-value]: an empty pointer in `ignore-drift` of app web names the whole object, which would never be applied again
          hint: point at the field another controller owns, such as "/spec/replicas\"""",
        CheckerHarness.detailed(CHECKER, app("ignore-drift \"\"")));
  }

  @Test
  void aPointerStartsWithASlash() {
    assertEquals("""
        10:16: error[invalid-value]: `spec.replicas` is not a JSON pointer: it must start with `/`
          hint: write "/spec/replicas" (RFC 6901: one `/` before each field)""",
        CheckerHarness.detailed(CHECKER, app("ignore-drift \"spec.replicas\"")));
  }

  @Test
  void aTildeIsOnlyAnEscape() {
    String expected = """
        10:16: error[invalid-value]: `%s` is not a JSON pointer: a `~` must be followed by `0` or `1`
          hint: write a `~` in a field name as `~0` and a `/` as `~1`: "/metadata/annotations/example.com~1owner\"""";
    assertEquals(expected.formatted("/metadata/annotations/a~b"),
        CheckerHarness.detailed(CHECKER, app("ignore-drift \"/metadata/annotations/a~b\"")));
    assertEquals(expected.formatted("/spec/x~"), CheckerHarness.detailed(CHECKER, app("ignore-drift \"/spec/x~\"")));
  }

  @Test
  void aCommaOrLineBreakWouldSplitThePointerInTheAnnotation() {
    assertEquals("""
        10:16: error[invalid-value]: `/metadata/annotations/a,b` holds a comma, which the annotation clusterc.dev/drift-ignore uses to separate pointers
        11:16: error[invalid-value]: `/spec
        x` holds a control character, which the annotation clusterc.dev/drift-ignore uses to separate pointers""",
        CheckerHarness.run(CHECKER, app("ignore-drift \"/metadata/annotations/a,b\"", "ignore-drift \"/spec\\nx\"")));
  }

  @Test
  void identityIsNotDrift() {
    String text = app("ignore-drift \"/metadata/name\"", "ignore-drift \"/metadata/namespace\" in Deployment",
        "ignore-drift \"/metadata/uid\"", "ignore-drift \"/apiVersion\"", "ignore-drift \"/kind\"", "ignore-drift \"/metadata\"",
        "ignore-drift \"/metadata/labels/name\"", "ignore-drift \"/spec/template/metadata/name\"");
    assertEquals("""
        10:16: error[invalid-value]: `/metadata/name` is (or holds) the identity of the object, which does not drift: an object with another apiVersion, kind, name, namespace or uid is another object
        11:16: error[invalid-value]: `/metadata/namespace` is (or holds) the identity of the object, which does not drift: an object with another apiVersion, kind, name, namespace or uid is another object
        12:16: error[invalid-value]: `/metadata/uid` is (or holds) the identity of the object, which does not drift: an object with another apiVersion, kind, name, namespace or uid is another object
        13:16: error[invalid-value]: `/apiVersion` is (or holds) the identity of the object, which does not drift: an object with another apiVersion, kind, name, namespace or uid is another object
        14:16: error[invalid-value]: `/kind` is (or holds) the identity of the object, which does not drift: an object with another apiVersion, kind, name, namespace or uid is another object
        15:16: error[invalid-value]: `/metadata` is (or holds) the identity of the object, which does not drift: an object with another apiVersion, kind, name, namespace or uid is another object""",
        CheckerHarness.run(CHECKER, text));
  }

  @Test
  void anEscapedSlashIsNotTheIdentity() {
    assertEquals("", CheckerHarness.run(CHECKER, app("ignore-drift \"/metadata/annotations/name~1space\"")));
  }

  @Test
  void aKindTheAppNeverCompilesToNamesTheKindsItDoes() {
    assertEquals("""
        11:27: error[invalid-value]: app web compiles to no HorizontalPodAutoscaler, so `ignore-drift … in HorizontalPodAutoscaler` would ignore nothing
          hint: the kinds app web compiles to are Deployment, Service""",
        CheckerHarness.detailed(CHECKER, app("port http 80", "ignore-drift \"/spec\" in HorizontalPodAutoscaler")));
  }

  @Test
  void aKindOfAnotherEntryCountsOnlyWhenThatEntryIsThere() {
    assertEquals("10:27: error[invalid-value]: app web compiles to no Service, so `ignore-drift … in Service` would ignore nothing",
        CheckerHarness.run(CHECKER, app("ignore-drift \"/spec\" in Service")));
  }

  @Test
  void aMisspeltKindGetsADidYouMeanFix() {
    String text = app("ignore-drift \"/spec/replicas\" in deployment");
    assertEquals("""
        10:36: error[invalid-value]: app web compiles to no deployment, so `ignore-drift … in deployment` would ignore nothing
          hint: did you mean `Deployment`?""", CheckerHarness.detailed(CHECKER, text));
    Fix fix = CheckerHarness.diagnostics(CHECKER, text, true).get(0).fixes().get(0);
    assertEquals("replace with `Deployment`", fix.title());
  }

  @Test
  void theKindsOfTheAppsManifestsCount() {
    String text = app("manifests \"\"\"\n    apiVersion: autoscaling/v2\n    kind: HorizontalPodAutoscaler\n"
        + "    metadata: { name: web }\n    \"\"\"", "ignore-drift \"/spec/minReplicas\" in HorizontalPodAutoscaler");
    assertEquals("", CheckerHarness.run(CHECKER, text));
  }

  @Test
  void aComponentWithAChartMayNameAnyKindItsChartRenders() {
    String text = BASE + """
        component podinfo {
          chart "https://stefanprodan.github.io/podinfo" name "podinfo" version "6.7.1"
          ignore-drift "/spec/replicas" in Deployment
          ignore-drift "/metadata/name"
        }
        """;
    assertEquals("11:16: error[invalid-value]: `/metadata/name` is (or holds) the identity of the object, which does not drift: "
        + "an object with another apiVersion, kind, name, namespace or uid is another object", CheckerHarness.run(CHECKER, text));
  }

  @Test
  void aComponentWithoutAChartCompilesToNothing() {
    assertEquals("""
        10:3: error[invalid-value]: component tunnel has no chart, so it compiles to no Deployment for `ignore-drift` to apply to
          hint: give it a `chart`, or remove the entry""",
        CheckerHarness.detailed(CHECKER, BASE + "component tunnel {\n  provides [\"tunnel\"]\n  ignore-drift \"/spec/replicas\" in Deployment\n}\n"));
  }

  @Test
  void theUseOfAStandardComponentIsChecked() {
    assertEquals("8:28: error[invalid-value]: `spec/replicas` is not a JSON pointer: it must start with `/`",
        CheckerHarness.run(CHECKER, BASE + "use traefik { ignore-drift \"spec/replicas\" in Deployment }\n"));
  }

  @Test
  void aRuleFromATemplatePointsAtTheTemplate() {
    String text = BASE + """
        template scaled() for app {
          ignore-drift "/metadata/uid"
        }
        app web from scaled() { image "nginx:1.27.0" }
        """;
    assertEquals("""
        9:16: error[invalid-value]: `/metadata/uid` is (or holds) the identity of the object, which does not drift: an object with another apiVersion, kind, name, namespace or uid is another object
          hint: ignore a field inside the object, such as "/spec/replicas" or one annotation, "/metadata/annotations/example.com~1owner"
          note 11:14: app web takes this from template `scaled`""", CheckerHarness.detailed(CHECKER, text));
  }

  @Test
  void theExampleOfTheLanguageReferenceChecksClean() throws IOException {
    String reference = Files.readString(Repo.root().resolve("docs/language.md"));
    int section = reference.indexOf("#### Fields others own: `ignore-drift`");
    int start = reference.indexOf("```cluster\n", section) + "```cluster\n".length();
    String example = reference.substring(start, reference.indexOf("```\n", start));
    assertEquals("", CheckFixture.render(CheckFixture.program(BASE + example).diagnostics().stream()
        .filter(Diagnostic::isError).toList()));
  }
}
