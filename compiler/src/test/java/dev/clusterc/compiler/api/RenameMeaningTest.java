package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a rename must not change although every name is replaced: the namespace an app shares with
 * what writes that namespace itself, the environment of the apps that read a renamed database, the
 * machine a node's name stands for; and what it does change in a running cluster (objects that hold
 * data, replaced under a new name) is said, so that an editor can ask first.
 */
class RenameMeaningTest {
  private static final String WEB = """
      volume web-data { size 1Gi; backup nightly; namespace web }
      app w|eb {
        image "nginx:1"
        port http 80
        mount web-data at "/data"
      }
      """;

  @TempDir
  Path dir;

  @Test
  void anAppNamedAfterItsNamespaceIsNotMovedAwayFromWhatWritesThatNamespace() {
    Renaming renamed = rename(Map.of("test.cluster", DefinitionTest.CLUSTER + WEB), "web2");
    assertEquals(new Renaming.Refused("app web lives in the namespace of its name, and volume web-data writes `namespace web`: "
        + "as `web2`, app web would move to namespace web2 and leave volume web-data behind; give app web `namespace web` first"),
        renamed);
    Renaming component = rename(Map.of("test.cluster", DefinitionTest.CLUSTER + WEB.replace("app w|eb", "app web")
        + "component w|eb-tools { chart \"oci://example.org/charts\" name \"t\" version \"1.0.0\" }\n"
        + "volume tools-data { size 1Gi; backup none; namespace web-tools }\n"), "tools");
    assertTrue(assertInstanceOf(Renaming.Refused.class, component).reason().startsWith("component web-tools lives in the namespace of its name, and volume "
        + "tools-data writes `namespace web-tools`"), component.toString());
  }

  @Test
  void whatFollowsTheAppIntoItsNamespaceMovesWithItAndItsClaimIsSaidToBeReplaced() {
    Renaming.Allowed renamed = allowed(Map.of("test.cluster", DefinitionTest.CLUSTER + WEB.replace("; namespace web", "")), "web2");
    assertEquals(List.of("PersistentVolumeClaim web/web-data is replaced by web2/web-data: its data is not moved"),
        renamed.consequences());
  }

  @Test
  void aNodeIsNotRenamedForItsNameIsTheMachinesHostname() {
    String cluster = DefinitionTest.CLUSTER + """
        node w1 { role worker; address 10.0.0.11 }
        volume data { size 10Gi; local w|1 at "/data"; backup none }
        app syncthing { image "syncthing/syncthing:1.30.0"; mount data at "/var/syncthing"; on [w1] }
        """;
    Renaming renamed = rename(Map.of("test.cluster", cluster), "w9");
    assertEquals(new Renaming.Refused("node `w1`: the node's name is the machine's hostname (`kubernetes.io/hostname`, which pins "
        + "workloads and local volumes to it): rename the machine first"), renamed);
  }

  @Test
  void renamingAVolumeOrADatabaseSaysWhichLiveObjectsAreReplaced() {
    String cluster = DefinitionTest.CLUSTER + """
        node w1 { role worker; address 10.0.0.11 }
        use cloudnative-pg
        database p|g { engine postgres; version 17; size 1Gi; backup none; namespace media }
        volume sonarr-config { size 1Gi; backup none; namespace media }
        volume local-data { size 1Gi; backup none; local w1 at "/srv/data" }
        app sonarr { image "x:1"; namespace media; mount sonarr-config at "/config"; database pg as PG }
        app sync { image "x:1"; mount local-data at "/d" }
        """;
    assertEquals(List.of("the CloudNativePG Cluster media/pg is replaced by media/pg2: its data is not moved"),
        allowed(Map.of("test.cluster", cluster), "pg2").consequences());
    assertEquals(List.of("PersistentVolumeClaim media/sonarr-config is replaced by media/sonarr-cfg: its data is not moved"),
        allowed(Map.of("test.cluster", cluster.replace("p|g", "pg").replace("volume sonarr-config", "volume sonarr-con|fig")),
            "sonarr-cfg").consequences());
    assertEquals(List.of("PersistentVolumeClaim sync/local-data is replaced by sync/kept: the new claim takes the same directory, "
            + "/srv/data on node w1"),
        allowed(Map.of("test.cluster", cluster.replace("p|g", "pg").replace("volume local-data", "volume local-da|ta")), "kept")
            .consequences());
    assertEquals(List.of(), allowed(Map.of("test.cluster", cluster.replace("p|g", "pg").replace("app sync ", "app sy|nc ")
        .replace("mount local-data at \"/d\"", "namespace sync")), "synced").consequences(), "an app without data replaces nothing that holds it");
  }

  @Test
  void aDatabaseReadWithoutAsKeepsItsEnvironmentSoTheCompiledClusterIsTheSame() throws IOException {
    Path root = copyHomelab();
    String text = Files.readString(root.resolve("cluster.cluster")).replace("""
        app radarr from media-app(port: 7878) {
          image "ghcr.io/home-operations/radarr:5.26.2"
        """, """
        app radarr from media-app(port: 7878) {
          image "ghcr.io/home-operations/radarr:5.26.2"
          database postgres
        """);
    assertTrue(text.contains("  database postgres\n"));
    Files.writeString(root.resolve("cluster.cluster"), text);
    Analysis analysis = ClusterCompiler.open(root, root).analyse();
    String before = stream(analysis);
    int at = text.indexOf("database postgres {") + "database ".length();
    Renaming renamed = analysis.navigator().rename("cluster.cluster", new SourceFile("cluster.cluster", text).position(at), "postgres2");
    Renaming.Allowed allowed = assertInstanceOf(Renaming.Allowed.class, renamed, renamed.toString());
    assertEquals(List.of("postgres2", "postgres2 as POSTGRES"), allowed.edits().stream().map(TextEdit::newText).distinct().toList(),
        "sonarr names its prefix; radarr's is written as it was");
    String edited = TextEdit.apply(allowed.edits().get(0).span().file(), allowed.edits());
    assertTrue(edited.contains("  database postgres2 as POSTGRES\n"), edited);
    String after = stream(ClusterCompiler.open(root, root).overlay(root.resolve("cluster.cluster"), edited).analyse());
    assertTrue(after.contains("postgres2"));
    assertEquals(before, after.replace("postgres2", "postgres"), "the same objects and environment, the database's new name aside");
  }

  @Test
  void aDatabaseReadThroughATemplatesArgumentIsNotRenamedForItsPrefixWouldChange() {
    String cluster = DefinitionTest.CLUSTER + """
        use cloudnative-pg
        database p|g { engine postgres; version 17; size 1Gi; backup none; namespace media }
        template reader(db: database) for app { image "x:1"; namespace media; database $db }
        app sonarr from reader(db: pg) {}
        """;
    Renaming renamed = rename(Map.of("test.cluster", cluster), "pg2");
    assertTrue(assertInstanceOf(Renaming.Refused.class, renamed).reason().startsWith("app sonarr reads database pg through a template's argument "
        + "(test.cluster:13:28), whose environment prefix `PG` comes from the database's name"), renamed.toString());
    String literal = cluster.replace("database $db }", "database pg }").replace("(db: database)", "(unused: int = 1)").replace("reader(db: pg)", "reader()");
    Renaming.Allowed kept = allowed(Map.of("test.cluster", literal), "pg2");
    assertEquals(List.of("pg2", "pg2 as PG"), kept.edits().stream().map(TextEdit::newText).toList(), "in the template's body it is written once");
  }

  private Path copyHomelab() throws IOException {
    Path source = Repo.root().resolve("examples/homelab");
    Path root = dir.resolve("homelab");
    try (var files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !source.relativize(f).startsWith("expected")).toList()) {
        Path target = root.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    return root;
  }

  private static String stream(Analysis analysis) {
    CompileResult result = analysis.compile();
    return result.cluster().orElseThrow(() -> new AssertionError(result.diagnostics().toString())).stream();
  }

  private static Renaming rename(Map<String, String> documents, String newName) {
    Cursor cursor = Cursor.in(documents);
    return cursor.navigator.rename(cursor.path, cursor.position, newName);
  }

  private static Renaming.Allowed allowed(Map<String, String> documents, String newName) {
    Renaming renamed = rename(documents, newName);
    return assertInstanceOf(Renaming.Allowed.class, renamed, renamed.toString());
  }
}
