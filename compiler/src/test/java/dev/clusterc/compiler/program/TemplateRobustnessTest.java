package dev.clusterc.compiler.program;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A template with parts missing (no name, a nameless parameter) is reported, never a NullPointerException. */
class TemplateRobustnessTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "template (a: string) for app { image $b }",
      "template for app { image $b }",
      "template (a: string) for app { image $b }\napp x from web-app(a: \"1\") { }",
      "template (: string) for app { image $b }",
      "template (a) for app { image $a }",
      "template t(a: string) for { image $b }",
      "template (a: string) { image $b }",
      "template t(a: string, : string) for app { image $a }",
      "app x from (a: \"1\") { }",
      "app x from t(: \"1\") { }\ntemplate t(a: string) for app { image $a }",
      "app x from t(\"1\", \"2\") { }\ntemplate (a: string) for app { image $a }",
  })
  void brokenTemplatesAreSyntaxErrors(String broken) {
    var program = CheckFixture.program(CheckFixture.BASE + broken + "\n");
    assertTrue(program.diagnostics().stream().anyMatch(d -> d.code() == Code.SYNTAX),
        () -> CheckFixture.render(program.diagnostics()));
  }
}
