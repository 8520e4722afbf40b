package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.app.AppEmitter;
import dev.clusterc.compiler.emit.component.ComponentEmitter;
import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.ManifestsMetadata;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.kube.KubeObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every app and component of every example cluster emits without throwing, twice the same, and every
 * object it makes says what it is, what it is called, and where it comes from. Under Argo CD a
 * component emits its chart as a release of its unit instead of objects.
 */
class AppAndComponentExamplesTest {
  private static final List<String> LABELS =
      List.of("app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by");

  @TestFactory
  Stream<DynamicTest> everyAppAndComponentOfEveryExample() throws IOException {
    Path root = Repo.root();
    List<Path> examples;
    try (Stream<Path> list = Files.list(root.resolve("examples"))) {
      examples = list.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(examples.size() >= 6, "examples: " + examples);
    return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
      String first = emitAll(example, root);
      assertEquals(first, emitAll(example, root), "emitting " + example + " again gives other bytes");
    }));
  }

  /** Every object of the example's apps and components as YAML, after checking each object's metadata. */
  private static String emitAll(Path example, Path root) throws IOException {
    Program program = Frontend.check(example, new Workspace(root));
    assertEquals(List.of(), program.diagnostics().stream().filter(d -> d.isError()).map(Object::toString).toList());
    Emission emission = Emission.of(program);
    List<String> problems = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    int emitted = 0;
    for (Decl decl : program.decls()) {
      Emitter emitter = decl.kind() == Kind.APP ? new AppEmitter() : decl.kind() == Kind.COMPONENT ? new ComponentEmitter() : null;
      if (emitter == null) {
        continue;
      }
      Unit unit = emission.emit(decl, emitter);
      assertTrue(!unit.isEmpty(), decl + " emits nothing");
      for (ChartRelease release : unit.releases()) {
        out.append("# chart ").append(release).append('\n');
      }
      for (KubeObject object : unit.objects()) {
        problems.addAll(problems(decl, object));
        out.append(YamlWriter.toYaml(object)).append("---\n");
        emitted++;
      }
    }
    assertEquals("", String.join("\n", problems), example.toString());
    assertTrue(emitted > 0, "nothing emitted for " + example);
    return out.toString();
  }

  private static List<String> problems(Decl decl, KubeObject object) {
    String what = decl + ": " + object.kind() + " " + object.name();
    List<String> problems = new ArrayList<>();
    if (blank(object.apiVersion()) || blank(object.kind()) || blank(object.name())) {
      problems.add(what + " lacks apiVersion, kind or name");
    }
    Map<String, String> labels = object.labels();
    String missing = LABELS.stream().filter(l -> blank(labels.get(l))).collect(Collectors.joining(", "));
    if (!missing.isEmpty()) {
      problems.add(what + " lacks the labels " + missing);
    }
    if (!"clusterc".equals(labels.get("app.kubernetes.io/managed-by"))) {
      problems.add(what + " is not managed by clusterc");
    }
    Map<String, String> annotations = object.annotations();
    String source = annotations.get(EmitContext.SOURCE_ANNOTATION);
    if (source == null || !source.matches("[^:]+\\.cluster:[0-9]+")) {
      problems.add(what + " has no source annotation FILE:LINE but " + source);
    }
    if (ManifestsMetadata.namespaced(object.kind()) && blank(object.namespace())) {
      problems.add(what + " is namespaced but has no namespace");
    }
    return problems;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
