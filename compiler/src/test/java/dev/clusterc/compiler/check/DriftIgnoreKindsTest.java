package dev.clusterc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.Emission;
import dev.clusterc.compiler.emit.Examples;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The kinds {@link DriftIgnoreChecker} lets {@code ignore-drift … in KIND} name on an app are the
 * app emitter's: for every app of every example cluster, each kind its unit really gets is one the
 * checker accepts, so the checker never refuses a kind the app compiles to.
 */
class DriftIgnoreKindsTest {
  @Test
  void everyKindAnExampleAppCompilesToIsAccepted() throws IOException {
    int apps = 0;
    Set<String> seen = new TreeSet<>();
    for (Path example : Examples.compilable()) {
      Program program = Examples.program(example);
      Emission emission = Emission.of(program, ChartRenderer.OFFLINE);
      for (Decl app : program.decls(Kind.APP)) {
        Set<String> accepted = DriftIgnoreChecker.appKinds(program, app);
        for (KubeObject object : emission.emit(app).objects()) {
          assertTrue(accepted.contains(object.kind()), example.getFileName() + ": " + app.label() + " compiles to a "
              + object.kind() + ", which ignore-drift would refuse; accepted: " + accepted);
          seen.add(object.kind());
        }
        apps++;
      }
    }
    assertFalse(apps == 0, "no example has an app");
    assertTrue(seen.containsAll(Set.of("Deployment", "Service", "HTTPRoute")), "kinds seen: " + seen);
  }
}
