package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every volume and database of every example cluster emits without failing, deterministically, with the metadata every object
 * carries and without a secret value.
 */
class VolumeExamplesTest {
  private static final Set<String> NOT_SECRET = Set.of("RESTIC_REPOSITORY", "AZURE_ACCOUNT_NAME", "AZURE_ENDPOINT_SUFFIX");

  @TestFactory
  Stream<DynamicTest> everyVolumeAndDatabaseOfTheExamples() throws IOException {
    List<Path> examples;
    try (Stream<Path> list = Files.list(Repo.root().resolve("examples"))) {
      examples = list.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(examples.isEmpty());
    return examples.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    Program program = Frontend.check(dir, new Workspace(Repo.root()));
    assertFalse(program.hasErrors(), () -> CheckFixture.render(program.diagnostics()));
    String cluster = program.cluster().orElseThrow().name();
    List<Decl> decls = new ArrayList<>(program.decls(Kind.VOLUME));
    decls.addAll(program.decls(Kind.DATABASE));
    for (Decl decl : decls) {
      Unit first = VolumeTestSupport.emit(program, decl.kind(), decl.name());
      Unit second = VolumeTestSupport.emit(program, decl.kind(), decl.name());
      assertEquals(VolumeTestSupport.yaml(first), VolumeTestSupport.yaml(second), decl.label());
      assertFalse(first.objects().isEmpty(), decl.label());
      for (KubeObject object : first.objects()) {
        checkObject(decl, cluster, object);
      }
    }
  }

  private static void checkObject(Decl decl, String cluster, KubeObject object) {
    String what = decl.label() + ": " + object.kind() + " " + object.name();
    assertNotNull(object.apiVersion(), what);
    assertNotNull(object.kind(), what);
    assertTrue(object.name() != null && !object.name().isEmpty(), what);
    Map<String, String> labels = object.labels();
    assertEquals(decl.name(), labels.get("app.kubernetes.io/name"), what);
    assertEquals(cluster, labels.get("app.kubernetes.io/part-of"), what);
    assertEquals("clusterc", labels.get("app.kubernetes.io/managed-by"), what);
    String source = object.annotations().get(EmitContext.SOURCE_ANNOTATION);
    assertTrue(source != null && source.matches(".+\\.cluster:[1-9][0-9]*"), what + ": " + source);
    if (object.kind().equals("PersistentVolume") || object.kind().equals("ClusterSecretStore")) {
      assertNull(object.namespace(), what);
    } else {
      assertNotNull(object.namespace(), what);
    }
    if (object.kind().equals("Secret")) {
      assertTrue(object.get("data") == null || ((Map<?, ?>) object.get("data")).isEmpty(), what);
      assertFalse(YamlWriter.toYaml(object).contains("\ndata:"), what);
      Map<?, ?> stringData = (Map<?, ?>) object.get("stringData");
      assertTrue(NOT_SECRET.containsAll(stringData.keySet()),
          what + " writes " + stringData.keySet().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
    }
  }
}
