package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verbs and resources of an app's {@code access} rules. */
class AccessCheckerTest {
  private static final AccessChecker CHECKER = new AccessChecker();

  private static String app(String scope, String... rules) {
    StringBuilder out = new StringBuilder(BASE).append("app monitor {\n  image \"ghcr.io/example/monitor:1.0.0\"\n")
        .append("  access ").append(scope).append(" {\n");
    for (String rule : rules) {
      out.append("    rule ").append(rule).append('\n');
    }
    return out.append("  }\n}\n").toString();
  }

  @Test
  void aMisspeltVerbGetsADidYouMeanFix() {
    String text = app("cluster", "[get, lsit, \"pacth\"] on [\"nodes\"]");
    assertEquals("""
        11:16: error[invalid-value]: `lsit` is not a Kubernetes verb
          hint: did you mean `list`?
        11:22: error[invalid-value]: `pacth` is not a Kubernetes verb
          hint: did you mean `patch`?""", CheckerHarness.detailed(CHECKER, text));
    List<Diagnostic> found = CheckerHarness.diagnostics(CHECKER, text, true);
    Fix quoted = found.get(1).fixes().get(0);
    assertEquals("replace with `patch`", quoted.title());
    assertEquals("pacth", quoted.edits().get(0).span().text());
  }

  @Test
  void anUnknownVerbFarFromAnyNamesThemAll() {
    assertEquals("""
        11:11: error[invalid-value]: `impersonate` is not a Kubernetes verb
          hint: the verbs are get, list, watch, create, update, patch, delete, deletecollection and "*" (every verb)""",
        CheckerHarness.detailed(CHECKER, app("cluster", "[impersonate] on [\"users\"]")));
  }

  @Test
  void everyKnownVerbAndTheWildcardAreFine() {
    assertEquals("", CheckerHarness.run(CHECKER, app("cluster",
        "[get, list, watch, create, update, patch, delete, deletecollection] on [\"pods\", \"pods/log\"]",
        "[\"*\"] on [\"*\"] in [\"*\"]")));
  }

  @Test
  void aRuleNeedsVerbsAndLowerCaseResources() {
    String text = app("namespace", "[] on [\"configmaps\"]", "[get] on []", "[get] on [\"Deployments\", \"a b\"] in [\"apps\"]");
    assertEquals("""
        11:5: error[invalid-value]: a rule of app monitor grants no verb
        12:5: error[invalid-value]: a rule of app monitor names no resource
        13:20: error[invalid-value]: `Deployments` is not a resource name
        13:35: error[invalid-value]: `a b` is not a resource name""", CheckerHarness.run(CHECKER, text));
    Fix fix = CheckerHarness.diagnostics(CHECKER, text, true).get(2).fixes().get(0);
    assertEquals("replace with `deployments`", fix.title());
  }

  @Test
  void aRoleCannotGrantAClusterScopedResource() {
    assertEquals("""
        11:20: error[invalid-value]: `nodes` is cluster-scoped, and app monitor has `access namespace`, whose Role cannot grant it
          hint: write `access cluster` to grant it through a ClusterRole""",
        CheckerHarness.detailed(CHECKER, app("namespace", "[get] on [\"nodes\", \"pods\"]")));
    assertEquals("", CheckerHarness.run(CHECKER, app("cluster", "[get] on [\"nodes\", \"pods\"]")));
  }

  @Test
  void aClusterScopedAppCannotTakeTheNameOfABuiltInClusterRole() {
    for (String name : List.of("view", "cluster-admin", "edit", "admin", "system-agent")) {
      String text = app("cluster", "[get] on [\"nodes\"]").replace("app monitor", "app " + name);
      assertEquals("10:3: error[invalid-value]: app " + name + " has `access cluster`, whose ClusterRole is named `" + name
              + "` after the app and would replace the built-in ClusterRole of that name\n"
              + "  hint: rename the app, or write `access namespace` if its rules hold in its own namespace",
          CheckerHarness.detailed(CHECKER, text), name);
    }
    assertEquals("", CheckerHarness.run(CHECKER, app("namespace", "[get] on [\"pods\"]").replace("app monitor", "app view")));
    assertEquals("", CheckerHarness.run(CHECKER, app("cluster", "[get] on [\"nodes\"]").replace("app monitor", "app viewer")));
  }
}
