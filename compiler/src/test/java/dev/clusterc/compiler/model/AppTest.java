package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An app lowered once: defaults resolved, entries as records, values kept with their spans. */
class AppTest {
  private static App app(Program program, String name) {
    Decl decl = program.decls(Kind.APP).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    return App.of(program.model(), decl);
  }

  @Test
  void anAppWithOnlyAnImageTakesEveryDefault() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        app web { image "nginx:1.27.3" }
        """);
    App web = app(program, "web");
    assertEquals("nginx:1.27.3", web.image().value());
    assertEquals("web", web.namespace(), "the namespace defaults to the app's name");
    assertEquals(1, web.replicas(), "the schema's default");
    assertNull(web.replicasSpan(), "a default was written nowhere");
    assertFalse(web.spread(), "one replica does not spread");
    assertTrue(web.ports().isEmpty() && web.routes().isEmpty() && web.mounts().isEmpty() && web.env().isEmpty());
    assertNull(web.probe());
    assertNull(web.resources());
    assertSame(web, app(program, "web"), "lowered once per model");
  }

  @Test
  void replicasSpreadUnlessTurnedOff() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        app a { image "a:1"; replicas 3 }
        app b { image "b:1"; replicas 3; spread false }
        app c { image "c:1"; spread true }
        """);
    assertTrue(app(program, "a").spread());
    assertEquals("3", app(program, "a").replicasSpan().text());
    assertFalse(app(program, "b").spread());
    assertFalse(app(program, "c").spread(), "`spread true` cannot spread one replica");
  }

  @Test
  void routesAndProbesReachTheNamedPortElseTheFirst() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        app api {
          image "api:1"
          port  web 3000
          port  admin 3001
          probe http "/healthz" port admin
          route "api.example.org" via nowhere
        }
        """);
    App api = app(program, "api");
    assertEquals(List.of("web", "admin"), api.portNames());
    assertTrue(api.probe().namesPort());
    assertEquals(3001, api.target(api.probe().port()).orElseThrow().port());
    AppRoute route = api.routes().get(0);
    assertFalse(route.namesPort());
    assertNull(route.gateway(), "an unresolved gateway is left out");
    assertEquals("api.example.org", route.host().value());
    assertEquals(3000, api.target(route.port()).orElseThrow().port());
  }

  @Test
  void environmentDatabasesAndMountsAreRecordsInSourceOrder() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        use cloudnative-pg
        database app-db { size 1Gi; backup none }
        volume data { size 1Gi; backup none }
        secret creds { sops "secrets/c.sops.yaml"; keys ["TOKEN"] }
        app shop {
          image      "shop:1"
          namespace  store
          env        { B: 2, A: "x", C: true }
          database   app-db
          database   app-db as SHOP
          mount      data at "/data"
          secret-env creds
          resources  { memory 256Mi }
          on         [w2, w1]
        }
        """);
    App shop = app(program, "shop");
    assertEquals("store", shop.namespace());
    assertEquals(List.of("B=2", "A=x", "C=true"), shop.env().stream().map(e -> e.name() + "=" + e.text()).toList());
    assertEquals(List.of("APP_DB", "SHOP"), shop.databases().stream().map(App.DatabaseRead::prefix).toList());
    assertNull(shop.databases().get(0).prefixSpan());
    assertEquals("SHOP", shop.databases().get(1).prefixSpan().text());
    assertEquals("data", shop.mounts().get(0).target().name());
    assertEquals("/data", shop.mounts().get(0).path());
    assertEquals(List.of("creds"), shop.secretEnv().stream().map(Decl::name).toList());
    assertNull(shop.resources().cpu());
    assertEquals("256Mi", shop.resources().memory().value().text());
    assertEquals(List.of("w2", "w1"), shop.on().stream().map(Typed.Ref::name).toList());
  }

  @Test
  void onlyAppsAreLoweredAsApps() {
    Program program = CheckFixture.program(CheckFixture.BASE + "volume data { size 1Gi; backup none }\n");
    Decl volume = program.decls(Kind.VOLUME).get(0);
    assertThrows(IllegalArgumentException.class, () -> App.of(program.model(), volume));
  }
}
