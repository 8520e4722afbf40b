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
import dev.clusterc.compiler.emit.core.Yaml;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
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
 * Every volume and database of every example cluster (but {@code tosih-home-ops}, which keeps the
 * seed's failing quorum) emits without failing, deterministically, with the metadata every object
 * carries and without a secret value.
 */
class VolumeExamplesTest {
  private static final Set<String> NOT_SECRET = Set.of("RESTIC_REPOSITORY", "AZURE_ACCOUNT_NAME", "AZURE_ENDPOINT_SUFFIX");

  @TestFactory
  Stream<DynamicTest> everyVolumeAndDatabaseOfTheExamples() throws IOException {
    List<Path> examples;
    try (Stream<Path> list = Files.list(Repo.root().resolve("examples"))) {
      examples = list.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().equals("tosih-home-ops")).sorted().toList();
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
      for (HasMetadata object : first.objects()) {
        checkObject(decl, cluster, object);
      }
    }
  }

  private static void checkObject(Decl decl, String cluster, HasMetadata object) {
    String what = decl.label() + ": " + object.getKind() + " " + object.getMetadata().getName();
    assertNotNull(object.getApiVersion(), what);
    assertNotNull(object.getKind(), what);
    assertTrue(object.getMetadata().getName() != null && !object.getMetadata().getName().isEmpty(), what);
    Map<String, String> labels = object.getMetadata().getLabels();
    assertEquals(decl.name(), labels.get("app.kubernetes.io/name"), what);
    assertEquals(cluster, labels.get("app.kubernetes.io/part-of"), what);
    assertEquals("clusterc", labels.get("app.kubernetes.io/managed-by"), what);
    String source = object.getMetadata().getAnnotations().get(EmitContext.SOURCE_ANNOTATION);
    assertTrue(source != null && source.matches(".+\\.cluster:[1-9][0-9]*"), what + ": " + source);
    if (object.getKind().equals("PersistentVolume") || object.getKind().equals("ClusterSecretStore")) {
      assertNull(object.getMetadata().getNamespace(), what);
    } else {
      assertNotNull(object.getMetadata().getNamespace(), what);
    }
    if (object.getKind().equals("Secret")) {
      // read back as a Secret whichever form the emitter built it in (a typed Secret or a plain tree)
      Secret secret = Yaml.read(Yaml.write(object), Secret.class);
      assertTrue(secret.getData() == null || secret.getData().isEmpty(), what);
      assertFalse(Yaml.write(secret).contains("\ndata:"), what);
      assertTrue(NOT_SECRET.containsAll(secret.getStringData().keySet()),
          what + " writes " + secret.getStringData().keySet().stream().sorted().collect(Collectors.joining(", ")));
    }
  }
}
