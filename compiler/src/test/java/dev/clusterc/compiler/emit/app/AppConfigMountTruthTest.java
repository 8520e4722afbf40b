package dev.clusterc.compiler.emit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.Examples;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the kubelet needs to start a pod that mounts configs, restated (running a kubelet is beyond
 * a unit test): every {@code configMap} volume names a ConfigMap of the pod's namespace that is in
 * the same unit (so it is applied with the Deployment), every {@code subPath} mount of it names a
 * key that ConfigMap holds (a missing key leaves the pod in {@code CreateContainerConfigError}),
 * every mount names a volume of the pod, and no two mounts of a container share a path (the API
 * server accepts that pod; the kubelet refuses it).
 */
class AppConfigMountTruthTest {
  @TestFactory
  Stream<DynamicTest> everyExamplesConfigMountsResolve() {
    return Examples.compilable().stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(),
        () -> assertEquals(List.of(), problems(Examples.compile(example)), example.toString())));
  }

  @Test
  void anAppWithConfigsNextToAVolumeOfTheSameNameResolves(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("nginx.conf"), "events {}\n");
    Program program = CheckFixture.program(CheckFixture.BASE + """
        volume config { size 1Gi; backup none }
        app web {
          image "nginx:1.27.3"
          mount  config at "/etc/nginx/conf.d"
          config "/etc/nginx/nginx.conf" file "nginx.conf"
          config "/srv/a/index.html" text "a"
          config "/srv/b/index.html" text "b"
        }
        """, dir);
    assertEquals(List.of(), program.diagnostics().stream().filter(Diagnostic::isError).toList());
    Compilation compilation = ManifestCompiler.compile(program);
    assertEquals(List.of(), problems(compilation));
    long subPaths = compilation.units().stream().flatMap(u -> u.objects().stream()).filter(o -> o.kind().equals("Deployment"))
        .flatMap(d -> mounts(d).stream()).filter(m -> m.get("subPath") != null).count();
    assertEquals(3, subPaths, "the three configs are mounted one by one");
  }

  @Test
  void aFallbackKeyThatIsTakenAlreadyIsBumpedUntilFree() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        app web {
          image "nginx:1.27.3"
          config "/a/config.yaml" text "a"
          config "/b/3-config.yaml" text "b"
          config "/c/config.yaml" text "c"
        }
        """);
    assertEquals(List.of(), program.diagnostics().stream().filter(Diagnostic::isError).toList());
    Compilation compilation = ManifestCompiler.compile(program);
    assertEquals(List.of(), problems(compilation));
    KubeObject configMap = compilation.units().stream().flatMap(u -> u.objects().stream())
        .filter(o -> o.kind().equals("ConfigMap") && o.name().startsWith("web-config-")).findFirst().orElseThrow();
    assertEquals(Map.of("config.yaml", "a", "3-config.yaml", "b", "4-config.yaml", "c"), configMap.get("data"));
  }

  private static List<String> problems(Compilation compilation) {
    List<String> problems = new ArrayList<>();
    for (Unit unit : compilation.units()) {
      for (KubeObject deployment : unit.objects()) {
        if (deployment.kind().equals("Deployment") && Objects.equals(deployment.labels().get("app.kubernetes.io/managed-by"), "clusterc")) {
          check(unit, deployment, problems);
        }
      }
    }
    return problems;
  }

  @SuppressWarnings("unchecked")
  private static void check(Unit unit, KubeObject deployment, List<String> problems) {
    String where = unit.name() + ": Deployment " + deployment.name();
    Map<String, Object> pod = podSpec(deployment);
    List<Map<String, Object>> volumes = (List<Map<String, Object>>) pod.getOrDefault("volumes", List.of());
    Set<String> names = new HashSet<>();
    for (Map<String, Object> volume : volumes) {
      assertTrue(names.add((String) volume.get("name")), where + ": two volumes named " + volume.get("name"));
    }
    Set<String> paths = new HashSet<>();
    for (Map<String, Object> mount : mounts(deployment)) {
      String path = (String) mount.get("mountPath");
      if (!paths.add(path)) {
        problems.add(where + ": two mounts at " + path);
      }
      Map<String, Object> volume = volumes.stream().filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElse(null);
      if (volume == null) {
        problems.add(where + ": mount at " + path + " names no volume");
        continue;
      }
      Map<String, Object> source = (Map<String, Object>) volume.get("configMap");
      if (source == null) {
        continue;
      }
      KubeObject configMap = unit.objects().stream().filter(o -> o.kind().equals("ConfigMap") && o.name().equals(source.get("name"))
          && Objects.equals(o.namespace(), deployment.namespace())).findFirst().orElse(null);
      if (configMap == null) {
        problems.add(where + ": ConfigMap " + source.get("name") + " is not in the unit");
      } else if (mount.get("subPath") != null && !((Map<String, Object>) configMap.get("data")).containsKey(mount.get("subPath"))) {
        problems.add(where + ": ConfigMap " + configMap.name() + " has no key " + mount.get("subPath"));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podSpec(KubeObject deployment) {
    return (Map<String, Object>) ((Map<String, Object>) deployment.map("spec").get("template")).get("spec");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> mounts(KubeObject deployment) {
    List<Map<String, Object>> mounts = new ArrayList<>();
    for (Map<String, Object> container : (List<Map<String, Object>>) podSpec(deployment).get("containers")) {
      mounts.addAll((List<Map<String, Object>>) container.getOrDefault("volumeMounts", List.of()));
    }
    return mounts;
  }
}
