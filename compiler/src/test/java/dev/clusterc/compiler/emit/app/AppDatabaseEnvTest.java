package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.emit.AppTestSupport.emit;
import static dev.clusterc.compiler.emit.AppTestSupport.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.clusterc.compiler.emit.AppTestSupport;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Map;
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
    Snippets.assertMatches("app/AppDatabaseEnvTest-same-namespace-container", AppEmitterTest.containers(emit(new AppEmitter(), program, Kind.APP, "shop")));
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
    Snippets.assertMatches("app/AppDatabaseEnvTest-other-namespace-container", AppEmitterTest.containers(emit(new AppEmitter(), program, Kind.APP, "wiki")));
  }

  @Test
  void theDefaultPrefixIsTheNameUpperCasedWithUnderscores() {
    assertEquals("LINKDING_DB_CNPG_V1", App.defaultPrefix("linkding-db-cnpg-v1"));
  }

  @Test
  void noCredentialIsWrittenAsAValue() {
    Program program = program(OPERATOR + """
        database postgres { size 5Gi; backup none }
        app wiki { image "ghcr.io/example/wiki:3.2.1"; database postgres }
        """);
    EmitContext context = new EmitContext(program);
    App wiki = App.of(program.model(), AppTestSupport.decl(program, Kind.APP, "wiki"));
    List<Object> env = AppDatabaseEnv.of(wiki, context);
    assertEquals(5, env.size());
    for (Object item : env) {
      Map<?, ?> variable = (Map<?, ?>) item;
      if (!variable.get("name").toString().endsWith("_HOST")) {
        assertNull(variable.get("value"), variable.toString());
        Map<?, ?> ref = (Map<?, ?>) ((Map<?, ?>) variable.get("valueFrom")).get("secretKeyRef");
        assertEquals("postgres-app", ref.get("name"), variable.toString());
      }
    }
  }
}
