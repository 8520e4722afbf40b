package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.emit.AppTestSupport.emit;
import static dev.clusterc.compiler.emit.AppTestSupport.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.clusterc.compiler.emit.AppTestSupport;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.compiler.kube.KubeObject;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The PREFIX_HOST/_PORT/_USER/_PASSWORD/_DATABASE variables of an app's databases. */
class AppDatabaseEnvTest {
  private static final String OPERATOR = """
      use cloudnative-pg
      """;

  @Test
  void aDatabaseInTheAppsNamespaceIsReadWhollyFromItsAppSecret() {
    Program program = program(OPERATOR + """
        database app-db { size 5Gi; backup none; namespace shop }
        app shop {
          image    "ghcr.io/example/shop:1.0.0"
          database app-db
        }
        """);
    assertEquals("""
        - env:
            - name: APP_DB_HOST
              valueFrom:
                secretKeyRef:
                  key: host
                  name: app-db-app
            - name: APP_DB_PORT
              valueFrom:
                secretKeyRef:
                  key: port
                  name: app-db-app
            - name: APP_DB_USER
              valueFrom:
                secretKeyRef:
                  key: username
                  name: app-db-app
            - name: APP_DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  key: password
                  name: app-db-app
            - name: APP_DB_DATABASE
              valueFrom:
                secretKeyRef:
                  key: dbname
                  name: app-db-app
          image: ghcr.io/example/shop:1.0.0
          name: shop
        """, AppEmitterTest.containers(emit(new AppEmitter(), program, Kind.APP, "shop")));
  }

  @Test
  void aDatabaseInAnotherNamespaceIsReachedByItsServiceNameAndTheVariablesComeBeforeTheAppsOwn() {
    Program program = program(OPERATOR + """
        database postgres { size 5Gi; backup none }
        app wiki {
          image    "ghcr.io/example/wiki:3.2.1"
          database postgres as WIKI_DB
          env      { WIKI_DB_URL: "postgres://\\$(WIKI_DB_HOST):\\$(WIKI_DB_PORT)/\\$(WIKI_DB_DATABASE)" }
        }
        """);
    assertEquals("""
        - env:
            - name: WIKI_DB_HOST
              value: postgres-rw.databases.svc
            - name: WIKI_DB_PORT
              valueFrom:
                secretKeyRef:
                  key: port
                  name: postgres-app
            - name: WIKI_DB_USER
              valueFrom:
                secretKeyRef:
                  key: username
                  name: postgres-app
            - name: WIKI_DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  key: password
                  name: postgres-app
            - name: WIKI_DB_DATABASE
              valueFrom:
                secretKeyRef:
                  key: dbname
                  name: postgres-app
            - name: WIKI_DB_URL
              value: postgres://$(WIKI_DB_HOST):$(WIKI_DB_PORT)/$(WIKI_DB_DATABASE)
          image: ghcr.io/example/wiki:3.2.1
          name: wiki
        """, AppEmitterTest.containers(emit(new AppEmitter(), program, Kind.APP, "wiki")));
  }

  @Test
  void theDefaultPrefixIsTheNameUpperCasedWithUnderscores() {
    assertEquals("LINKDING_DB_CNPG_V1", AppDatabaseEnv.defaultPrefix("linkding-db-cnpg-v1"));
  }

  @Test
  void noCredentialIsWrittenAsAValue() {
    Program program = program(OPERATOR + """
        database postgres { size 5Gi; backup none }
        app wiki { image "ghcr.io/example/wiki:3.2.1"; database postgres }
        """);
    KubeObject object = AppTestSupport.object(emit(new AppEmitter(), program, Kind.APP, "wiki"), "Deployment", "wiki");
    Deployment deployment = new ObjectMapper().convertValue(object.tree(), Deployment.class);
    for (EnvVar variable : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      if (!variable.getName().endsWith("_HOST")) {
        assertNull(variable.getValue(), variable.getName());
        assertEquals("postgres-app", variable.getValueFrom().getSecretKeyRef().getName(), variable.getName());
      }
    }
  }
}
