package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.emit.AppTestSupport.emit;
import static dev.clusterc.compiler.emit.AppTestSupport.inventory;
import static dev.clusterc.compiler.emit.AppTestSupport.program;
import static dev.clusterc.compiler.emit.AppTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import org.junit.jupiter.api.Test;

/** The Deployment, Service and PodDisruptionBudget of an app. */
class AppEmitterTest {
  /** The brief's second normative example, verbatim. */
  static final String FAILOVER_PAIR = """
      cluster failover-pair {
        domain "lab.internal"
        network { nodes 192.168.10.0/24 }
        layers [crds, controllers, storage, operations, apps]
      }

      node k3s-cp { role control-plane; address 192.168.10.5 }
      node k3s-w1 { role worker; address 192.168.10.11 }
      node k3s-w2 { role worker; address 192.168.10.12 }

      use volsync

      volume sonarr-data {
        size      10Gi
        local     k3s-w1 at "/data/pods/sonarr"
        replicate to k3s-w2 via syncthing
        backup    none
      }

      app sonarr {
        image "lscr.io/linuxserver/sonarr:4.0.15"
        port  http 8989
        mount sonarr-data at "/config"
      }
      """;

  @Test
  void theSecondNormativeExamplePinsSonarrToK3sW1AndRecreatesIt() {
    Program program = CheckFixture.program(FAILOVER_PAIR);
    assertEquals("", CheckFixture.render(program.diagnostics()));
    Unit unit = emit(new AppEmitter(), program, Kind.APP, "sonarr");
    assertEquals("Deployment/sonarr\nService/sonarr", inventory(unit));
    Snippets.assertMatches("app/AppEmitterTest-sonarr-deployment", yaml(unit, "Deployment", "sonarr"));
    Snippets.assertMatches("app/AppEmitterTest-sonarr-service", yaml(unit, "Service", "sonarr"));
  }

  @Test
  void anAppWithoutAnRwoVolumeRollsAndOneOnANodeListIsPinnedToThoseNodes() {
    Program program = program("""
        volume media { size 100Gi; access rwx; backup none }
        volume library { size 1Gi; access rox; backup none }
        app web {
          namespace front
          image "nginx:1.27.3"
          on    [w2, w1]
          mount media at "/media"
          mount library at "/library"
          mount media at "/srv/media"
        }
        """);
    Snippets.assertMatches("app/AppEmitterTest-web-deployment", yaml(emit(new AppEmitter(), program, Kind.APP, "web"), "Deployment", "web"));
  }

  @Test
  void twoReplicasSpreadOverNodesWithADisruptionBudget() {
    Program program = program("""
        app api {
          image    "ghcr.io/example/api:2.1.0"
          replicas 2
          port     http 8080
        }
        """);
    Unit unit = emit(new AppEmitter(), program, Kind.APP, "api");
    assertEquals("Deployment/api\nService/api\nPodDisruptionBudget/api", inventory(unit));
    Snippets.assertMatches("app/AppEmitterTest-api-deployment", yaml(unit, "Deployment", "api"));
    Snippets.assertMatches("app/AppEmitterTest-api-disruption-budget", yaml(unit, "PodDisruptionBudget", "api"));
  }

  @Test
  void spreadFalseKeepsTheReplicasWithoutAntiAffinityOrBudget() {
    Program program = program("""
        app api {
          image    "ghcr.io/example/api:2.1.0"
          replicas 2
          spread   false
        }
        """);
    Unit unit = emit(new AppEmitter(), program, Kind.APP, "api");
    assertEquals("Deployment/api", inventory(unit));
    assertEquals(false, yaml(unit).contains("affinity"), yaml(unit));
  }

  @Test
  void probesResourcesEnvironmentAndSecretsGoToTheContainer() {
    Program program = program("""
        secret api-env  { sops "secrets/api.sops.yaml"; keys ["API_TOKEN"] }
        secret smtp-env { sops "secrets/smtp.sops.yaml"; keys ["SMTP_PASSWORD"] }
        app api {
          image      "ghcr.io/example/api:2.1.0"
          port       metrics 9090
          port       http 8080
          env        { LOG_LEVEL: "debug", WORKERS: 4, DEBUG: false }
          secret-env api-env
          secret-env smtp-env
          resources  { cpu 250m; memory 512Mi }
          probe      http "/healthz" port http
        }
        """);
    Snippets.assertMatches("app/AppEmitterTest-api-container", containers(emit(new AppEmitter(), program, Kind.APP, "api")));
  }

  @Test
  void aProbeWithoutPortUsesTheFirstPortAndResourcesWithoutMemoryHaveNoLimit() {
    Program program = program("""
        app api {
          image     "ghcr.io/example/api:2.1.0"
          port      web 3000
          port      admin 3001
          resources { cpu 100m }
          probe     http "/"
        }
        """);
    String containers = containers(emit(new AppEmitter(), program, Kind.APP, "api"));
    assertEquals(3, containers.split("port: web", -1).length - 1, containers);
    assertEquals(true, containers.contains("""
          resources:
            requests:
              cpu: 100m
        """), containers);
  }

  @Test
  void emittingTwiceGivesTheSameBytes() {
    String text = CheckFixture.BASE + """
        volume data { size 1Gi; backup none }
        app api {
          image    "ghcr.io/example/api:2.1.0"
          replicas 1
          port     http 8080
          env      { B: "2", A: "1", C: "3" }
          mount    data at "/data"
        }
        """;
    String first = yaml(emit(new AppEmitter(), CheckFixture.program(text), Kind.APP, "api"));
    String second = yaml(emit(new AppEmitter(), CheckFixture.program(text), Kind.APP, "api"));
    assertEquals(first, second);
    assertEquals(true, first.indexOf("name: B") < first.indexOf("name: A"), "env keeps the source order");
  }

  /** The pod's containers as YAML, from the line after {@code containers:}, indentation removed. */
  static String containers(Unit unit) {
    String yaml = yaml(unit, "Deployment", unit.decl().name());
    String tail = yaml.substring(yaml.indexOf("      containers:\n") + "      containers:\n".length());
    StringBuilder out = new StringBuilder();
    for (String line : tail.split("\n")) {
      if (!line.startsWith("        ")) {
        break;
      }
      out.append(line.substring(8)).append('\n');
    }
    return out.toString();
  }
}
