package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.emit.AppTestSupport.emit;
import static dev.clusterc.compiler.emit.AppTestSupport.inventory;
import static dev.clusterc.compiler.emit.AppTestSupport.object;
import static dev.clusterc.compiler.emit.AppTestSupport.program;
import static dev.clusterc.compiler.emit.AppTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app's {@code command}/{@code args}, its {@code config} files and its {@code access}. */
class AppAccessAndConfigTest {
  private static final String MONITOR = """
      app monitor {
        namespace ops
        image   "ghcr.io/example/monitor:1.0.0"
        command ["/bin/sh"]
        args    ["/scripts/watch.sh", "--interval", "30s"]
        config  "/scripts/watch.sh" text \"""
          #!/bin/sh
          kubectl get nodes
          \"""
        config  "/etc/monitor/config.yaml" file "files/config.yaml"
        config  "/etc/other/config.yaml" text "a: 1"
        access cluster {
          rule [get, list, watch] on ["nodes"]
          rule [get, patch] on ["deployments", "deployments/scale"] in ["apps"]
          rule ["*"] on ["replicationsources"] in ["volsync.backube"]
        }
      }
      """;

  private static Program monitor(Path dir, String config) throws IOException {
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/config.yaml"), config);
    Program program = CheckFixture.program(CheckFixture.BASE + MONITOR, dir);
    assertEquals("", program.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
        .collect(Collectors.joining("\n")));
    return program;
  }

  @Test
  void aMonitorGetsItsAccountRoleBindingConfigMapAndCommand(@TempDir Path dir) throws IOException {
    Unit unit = emit(new AppEmitter(), monitor(dir, "primary: k3s-w1\n"), Kind.APP, "monitor");
    String configMap = unit.objects().stream().filter(o -> o.kind().equals("ConfigMap")).findFirst().orElseThrow().name();
    assertEquals("""
        ServiceAccount/monitor
        ClusterRole/monitor
        ClusterRoleBinding/monitor
        ConfigMap/%s
        Deployment/monitor""".formatted(configMap), inventory(unit));
    Snippets.assertMatches("app/AppAccessAndConfigTest-monitor", yaml(unit));
  }

  @Test
  void aChangedConfigFileRenamesTheConfigMapSoThePodsRoll(@TempDir Path one, @TempDir Path two) throws IOException {
    Unit first = emit(new AppEmitter(), monitor(one, "primary: k3s-w1\n"), Kind.APP, "monitor");
    Unit same = emit(new AppEmitter(), monitor(two, "primary: k3s-w1\n"), Kind.APP, "monitor");
    Unit changed = emit(new AppEmitter(), monitor(one, "primary: k3s-w2\n"), Kind.APP, "monitor");
    assertEquals(yaml(first, "Deployment", "monitor"), yaml(same, "Deployment", "monitor"));
    assertNotEquals(yaml(first, "Deployment", "monitor"), yaml(changed, "Deployment", "monitor"));
    assertNotEquals(inventory(first), inventory(changed));
  }

  @Test
  void namespaceAccessIsARoleAndBindingInTheAppsNamespace() {
    Unit unit = emit(new AppEmitter(), program("""
        app reader {
          image "ghcr.io/example/reader:1.0.0"
          access namespace { rule [get, list] on ["configmaps", "pods/log"] }
        }
        """), Kind.APP, "reader");
    assertEquals("ServiceAccount/reader\nRole/reader\nRoleBinding/reader\nDeployment/reader", inventory(unit));
    Snippets.assertMatches("app/AppAccessAndConfigTest-reader-role", yaml(unit, "Role", "reader"));
    Snippets.assertMatches("app/AppAccessAndConfigTest-reader-binding", yaml(unit, "RoleBinding", "reader"));
    Map<?, ?> template = (Map<?, ?>) object(unit, "Deployment", "reader").map("spec").get("template");
    assertEquals("reader", ((Map<?, ?>) template.get("spec")).get("serviceAccountName"));
  }

  @Test
  void anAppWithoutTheNewEntriesKeepsTheImagesEntrypointAndTheDefaultAccount() {
    Unit unit = emit(new AppEmitter(), program("app plain { image \"nginx:1.27.3\" }\n"), Kind.APP, "plain");
    assertEquals("Deployment/plain", inventory(unit));
    String deployment = yaml(unit, "Deployment", "plain");
    for (String absent : new String[] {"command", "args", "serviceAccountName", "volumes", "volumeMounts"}) {
      assertEquals(-1, deployment.indexOf(absent + ":"), absent + " in\n" + deployment);
    }
  }

  @Test
  void aVolumeNamedConfigPushesTheConfigMapsPodVolumeAside() {
    Unit unit = emit(new AppEmitter(), program("""
        volume config { size 1Gi; backup none }
        app web {
          image "nginx:1.27.3"
          mount  config at "/data"
          config "/etc/nginx/nginx.conf" text "events {}"
        }
        """), Kind.APP, "web");
    Snippets.assertMatches("app/AppAccessAndConfigTest-web-deployment", yaml(unit, "Deployment", "web"));
  }
}
