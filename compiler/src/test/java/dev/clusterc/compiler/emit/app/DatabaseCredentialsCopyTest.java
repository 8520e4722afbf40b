package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.emit.AppTestSupport.emit;
import static dev.clusterc.compiler.emit.AppTestSupport.inventory;
import static dev.clusterc.compiler.emit.AppTestSupport.program;
import static dev.clusterc.compiler.emit.AppTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.Emission;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.storage.DatabaseEmitter;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The copy of a database's credentials for apps of other namespaces. */
class DatabaseCredentialsCopyTest {
  private static final String CLUSTER = """
      use cloudnative-pg
      database shared { size 5Gi; backup none }
      database local  { size 5Gi; backup none; namespace shop }
      app shop  { image "ghcr.io/example/shop:1.0.0"; database shared; database local }
      app admin { image "ghcr.io/example/admin:1.0.0"; namespace shop; database shared }
      app blog  { image "ghcr.io/example/blog:1.0.0"; database shared }
      """;

  private static final String COPIER = "use external-secrets\n";

  @Test
  void theDatabaseSharesItsSecretThroughAStoreOpenToTheReadingNamespacesOnly() {
    Program program = program(COPIER + CLUSTER);
    Unit shared = emit(new DatabaseEmitter(), program, Kind.DATABASE, "shared");
    assertEquals("""
        Cluster/shared
        ServiceAccount/shared-app-reader
        Role/shared-app-reader
        RoleBinding/shared-app-reader
        ClusterSecretStore/database-shared""", inventory(shared));
    Snippets.assertMatches("app/DatabaseCredentialsCopyTest-shared-store", yaml(shared, "ClusterSecretStore", "database-shared"));
    Snippets.assertMatches("app/DatabaseCredentialsCopyTest-shared-role", yaml(shared, "Role", "shared-app-reader"));
    Snippets.assertMatches("app/DatabaseCredentialsCopyTest-shared-binding", yaml(shared, "RoleBinding", "shared-app-reader"));
    assertEquals("Cluster/local", inventory(emit(new DatabaseEmitter(), program, Kind.DATABASE, "local")),
        "a database read only in its own namespace shares nothing");
  }

  @Test
  void theFirstAppOfEachNamespaceCarriesOneExternalSecret() {
    Program program = program(COPIER + CLUSTER);
    Emission emission = Emission.of(program);
    Unit shop = emit(new AppEmitter(), emission, Kind.APP, "shop");
    Unit admin = emit(new AppEmitter(), emission, Kind.APP, "admin");
    Unit blog = emit(new AppEmitter(), emission, Kind.APP, "blog");
    Snippets.assertMatches("app/DatabaseCredentialsCopyTest-shop-external-secret", yaml(shop, "ExternalSecret", "shared-app"));
    assertEquals(1, count(shop, "ExternalSecret"), "the database of the app's own namespace needs no copy");
    assertEquals(0, count(admin, "ExternalSecret"), "shop already copies it into namespace shop");
    assertEquals(1, count(blog, "ExternalSecret"));
  }

  @Test
  void withoutExternalSecretsNothingIsCopied() {
    Program program = program(CLUSTER);
    assertEquals("Cluster/shared", inventory(emit(new DatabaseEmitter(), program, Kind.DATABASE, "shared")));
    assertEquals(0, count(emit(new AppEmitter(), program, Kind.APP, "blog"), "ExternalSecret"));
  }

  @Test
  void theAppAndTheDatabaseComeAfterTheCopier() {
    Program program = program(COPIER + CLUSTER);
    String edges = program.graph().edges().stream()
        .filter(e -> e.to().name().equals("external-secrets"))
        .map(e -> e + " (" + e.reason() + ")")
        .collect(Collectors.joining("\n"));
    assertEquals("""
        app shop → component external-secrets (reads database shared from namespace databases)
        database shared → component external-secrets (is read from other namespaces)
        app admin → component external-secrets (reads database shared from namespace databases)
        app blog → component external-secrets (reads database shared from namespace databases)""", edges);
  }

  private static long count(Unit unit, String kind) {
    return unit.objects().stream().filter(o -> o.kind().equals(kind)).count();
  }
}
