package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rename: every place that names a declaration, template or parameter changes, across files, and the
 * cluster checks as before afterwards (the same diagnostics, the new name for the old); a rename
 * that could not keep that promise is refused with a reason.
 */
class RenameTest {
  static final String APPS = """
      volume data { size 1Gi; backup none }
      template small(port: int, path: string = "/") for app {
        image "x:1"
        port  http $port
        route "${name}.example.org" via web
        env   { PORT: "${port}", PATH: "${ path }" }
      }
      app a from small(port: 81) { mount data at "/d" }
      app b { image "x:1"; depends-on [data] }
      """;

  private static Map<String, String> cluster(String clusterFile, String appsFile) {
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put("a.cluster", clusterFile);
    documents.put("b.cluster", appsFile);
    return documents;
  }

  @Test
  void aVolumeIsRenamedWhereDeclaredAndWhereNamedInAnotherFile() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER + "app c { image \"x:1\"; mount da|ta at \"/c\" }\n", APPS);
    Renaming.Allowed renamed = allowed(documents, "store-1");
    assertEquals(List.of("a.cluster:10:28-10:32 data", "b.cluster:1:8-1:12 data", "b.cluster:8:36-8:40 data", "b.cluster:9:34-9:38 data"),
        renamed.edits().stream().map(e -> Cursor.show(e.span())).toList());
    assertSameCheck(documents, renamed, "data", "store-1");
  }

  @Test
  void aTemplateParameterIsRenamedInItsListBodyStringsAndNamedArguments() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER, APPS.replace("small(port: int", "small(po|rt: int"));
    Renaming.Allowed renamed = allowed(documents, "listen");
    assertEquals(List.of("b.cluster:2:16-2:20 port", "b.cluster:4:15-4:19 port", "b.cluster:6:20-6:24 port", "b.cluster:8:18-8:22 port"),
        renamed.edits().stream().map(e -> Cursor.show(e.span())).toList());
    assertSameCheck(documents, renamed, "port", "listen");
  }

  @Test
  void fromInsideAStringTheInterpolatedParameterIsFoundAndRenamed() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER, APPS.replace("\"${ path }\"", "\"${ pa|th }\""));
    Cursor cursor = Cursor.in(documents);
    assertEquals(List.of("parameter path @ b.cluster:2:27-2:31 path"), cursor.definition().stream().map(Cursor::show).toList());
    Renaming.Allowed renamed = allowed(documents, "root");
    assertEquals("b.cluster:6:38-6:42 path", Cursor.show(renamed.name()));
    assertSameCheck(documents, renamed, "path", "root");
  }

  @Test
  void aTemplateIsRenamedWithItsCalls() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER, APPS.replace("from small(", "from sm|all("));
    Renaming.Allowed renamed = allowed(documents, "tiny");
    assertEquals(2, renamed.edits().size());
    assertSameCheck(documents, renamed, "small", "tiny");
  }

  @Test
  void aComponentOfYoursIsRenamedWithItsUseButNotTheCapabilityWordsThatFindIt() {
    String own = DefinitionTest.CLUSTER.replace("use cilium\n", "").replace("via cilium", "via lb-pool").replace("class cilium", "class edge") + """
        component edg|e-proxy {
          namespace  edge
          chart      "oci://example.org/charts" name "edge" version "1.0.0"
          provides   ["gateway-class:edge", "pool:lb-pool", "cni"]
        }
        use edge-proxy { values { replicas: 2 } }
        """;
    Map<String, String> documents = Map.of("test.cluster", own);
    Renaming.Allowed renamed = allowed(documents, "edge-gateway");
    assertEquals(List.of("edge-proxy", "edge-proxy"), renamed.edits().stream().map(e -> e.span().text()).toList());
    assertSameCheck(documents, renamed, "edge-proxy", "edge-gateway");
  }

  @Test
  void aNameOfAnotherKindIsFreeButOneOfTheSameKindIsTaken() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER + "volume lo|gs { size 1Gi; backup none }\napp shared { image \"x:1\" }\n", APPS);
    Renaming.Allowed renamed = allowed(documents, "shared");
    assertSameCheck(documents, renamed, "logs", "shared");
    assertRefused(documents, "data", "there is already a volume named `data` (b.cluster:1:8); names are unique per kind");
  }

  @Test
  void aRenameThatWouldMakeDependsOnAmbiguousIsRefused() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER + "app lo|gs { image \"x:1\" }\n", APPS);
    assertRefused(documents, "data", "`depends-on` at b.cluster:9:34 names a volume `data`; with an app named so too, it would be ambiguous");
    Map<String, String> mine = cluster(DefinitionTest.CLUSTER + "volume lo|gs { size 1Gi; backup none }\napp c { image \"x:1\"; depends-on [logs] }\n", APPS);
    assertRefused(mine, "a", "`depends-on` at a.cluster:11:34 names this volume; as `a` it would be ambiguous, since an app is named so");
  }

  @Test
  void aNameWrittenWhereItNamesNothingYetIsNotCaptured() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER + "volume lo|gs { size 1Gi; backup none }\napp c { image \"x:1\"; mount nope at \"/n\" }\n", APPS);
    Renaming refused = rename(documents, "nope");
    assertTrue(((Renaming.Refused) refused).reason().startsWith("`nope` is written at a.cluster:11:28, where it does not resolve (undefined-reference)"),
        refused.toString());
  }

  @Test
  void invalidNamesAreRefusedWithTheRule() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER + "app c { image \"x:1\"; mount da|ta at \"/c\" }\n", APPS);
    assertRefused(documents, "9lives", "`9lives` is not a name: a name starts with a letter or `_` and goes on with letters, digits, `_` and `-`");
    assertRefused(documents, "a b", "`a b` is not a name: a name starts with a letter or `_` and goes on with letters, digits, `_` and `-`");
    assertRefused(documents, "for", "`for` is a reserved word and cannot be a name");
    assertRefused(documents, "My_Data", "`My_Data` cannot name a volume: it is not a valid Kubernetes name (it has upper-case letters); try `my-data`");
    Map<String, String> template = cluster(DefinitionTest.CLUSTER, APPS.replace("template small(", "template sm|all("));
    assertInstanceOf(Renaming.Allowed.class, rename(template, "Small_App"), "templates are not Kubernetes names");
  }

  @Test
  void keywordsTheStandardLibraryAndCapabilityWordsAreNotRenamed() {
    assertRefused(Map.of("test.cluster", DefinitionTest.CLUSTER.replace("gateway web", "gate|way web")), "x",
        "`gateway` is a keyword, not a name: only the names of declarations, templates and template parameters can be renamed");
    assertRefused(Map.of("test.cluster", DefinitionTest.CLUSTER.replace("use cilium", "use cil|ium")), "x",
        "`cilium` is declared in the standard library (std/cilium.cluster), which a rename cannot change");
    assertRefused(Map.of("test.cluster", DefinitionTest.CLUSTER.replace("via cilium", "via cil|ium")), "x",
        "`cilium` here names a capability that components provide, not one declaration: rename the component where it is declared");
    assertRefused(Map.of("test.cluster", DefinitionTest.CLUSTER + "app w from web-|app(image: \"x:1\", gateway: web) {}\n"), "x",
        "`web-app` is declared in the standard library (std/templates.cluster), which a rename cannot change");
    assertRefused(Map.of("test.cluster", DefinitionTest.CLUSTER.replace("role control-plane", "role control-pl|ane")), "x",
        "`control-plane` names no declaration, template or template parameter that is in effect, so there is nothing to rename");
  }

  @Test
  void aTemplateOrParameterNameThatIsTakenIsRefused() {
    Map<String, String> template = cluster(DefinitionTest.CLUSTER, APPS.replace("template small(", "template sm|all("));
    assertRefused(template, "web-app", "the standard library has a template named `web-app`, and a template of yours named so would hide it");
    Map<String, String> parameter = cluster(DefinitionTest.CLUSTER, APPS.replace("small(port: int", "small(po|rt: int"));
    assertRefused(parameter, "path", "template `small` already has a parameter `path`");
    assertRefused(parameter, "name", "`${name}` in template `small` is the name of the declaration made from it; "
        + "a parameter named `name` would take its place");
  }

  @Test
  void anAppNamedAfterItsNamespaceIsNotMovedIntoAnotherInUse() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER + "database pg { engine postgres; version 17; size 1Gi; backup none }\n",
        APPS.replace("app b {", "app |b {"));
    assertRefused(documents, "databases", "app b lives in the namespace of its name; as `databases` it would move into namespace databases, "
        + "where database pg is already");
    Map<String, String> own = cluster(DefinitionTest.CLUSTER + "database pg { engine postgres; version 17; size 1Gi; backup none }\n",
        APPS.replace("app b {", "app |b { namespace b;"));
    assertInstanceOf(Renaming.Allowed.class, rename(own, "databases"), "with a namespace of its own, the app stays where it is");
  }

  @Test
  void whileAFileHasSyntaxErrorsNothingIsRenamed() {
    Map<String, String> documents = cluster(DefinitionTest.CLUSTER + "app c { image \"x:1\"; mount da|ta at \"/c\" }\n", APPS + "volume broken { size = 1Gi }\n");
    Renaming refused = Cursor.in(documents).navigator.renaming(Cursor.in(documents).path, Cursor.in(documents).position);
    assertEquals("b.cluster has syntax errors: fix them first, so that the rename cannot miss a name the parser could not read",
        ((Renaming.Refused) refused).reason());
  }

  @Test
  void importsNameTheirFiles() {
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put("main.cluster", "import \"li|b\"\nimport \"std/cilium\"\n" + DefinitionTest.CLUSTER);
    documents.put("lib/a.cluster", "volume a { size 1Gi; backup none }\n");
    documents.put("lib/b.cluster", "volume b { size 1Gi; backup none }\n");
    documents.put("other.cluster", "volume c { size 1Gi; backup none }\n");
    Cursor cursor = Cursor.in(documents);
    assertEquals(List.of("lib/a.cluster", "lib/b.cluster"), cursor.navigator.imported(cursor.path, cursor.position));
    assertEquals(List.of("std/cilium.cluster"), cursor.navigator.imported(cursor.path, new dev.clusterc.compiler.source.Position(2, 10)));
    documents.put("main.cluster", "import \"oth|er\"\n" + DefinitionTest.CLUSTER);
    Cursor file = Cursor.in(documents);
    assertEquals(List.of("other.cluster"), file.navigator.imported(file.path, file.position));
    assertEquals(List.of(), file.navigator.imported(file.path, new dev.clusterc.compiler.source.Position(3, 3)));
  }

  private static Renaming rename(Map<String, String> documents, String newName) {
    Cursor cursor = Cursor.in(documents);
    Renaming prepared = cursor.navigator.renaming(cursor.path, cursor.position);
    Renaming renamed = cursor.navigator.rename(cursor.path, cursor.position, newName);
    if (prepared instanceof Renaming.Refused) {
      assertEquals(prepared, renamed, "a name that cannot be renamed is refused whatever the new name");
    }
    return renamed;
  }

  private static Renaming.Allowed allowed(Map<String, String> documents, String newName) {
    Renaming renamed = rename(documents, newName);
    return assertInstanceOf(Renaming.Allowed.class, renamed, renamed.toString());
  }

  private static void assertRefused(Map<String, String> documents, String newName, String reason) {
    Renaming renamed = rename(documents, newName);
    assertEquals(new Renaming.Refused(reason), renamed);
  }

  /** Applies the edits, analyses again, and compares the diagnostics with the old name written for the new. */
  static void assertSameCheck(Map<String, String> documents, Renaming.Allowed renamed, String oldName, String newName) {
    Map<String, String> plain = new LinkedHashMap<>();
    documents.forEach((path, text) -> plain.put(path, text.replace("|", "")));
    Map<String, String> edited = new LinkedHashMap<>();
    plain.forEach((path, text) -> {
      List<TextEdit> mine = renamed.edits().stream().filter(e -> e.span().file().path().equals(path)).toList();
      mine.forEach(e -> assertEquals(text, e.span().file().text(), "edits are made on the analysed text"));
      edited.put(path, mine.isEmpty() ? text : TextEdit.apply(mine.get(0).span().file(), mine));
    });
    assertTrue(edited.values().stream().anyMatch(t -> t.contains(newName)));
    assertEquals(shown(analyse(plain), null, null), shown(analyse(edited), newName, oldName));
  }

  private static Program analyse(Map<String, String> documents) {
    List<SourceUnit> units = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    documents.forEach((path, text) -> {
      SourceUnit unit = Parser.parse(new SourceFile(path, text));
      units.add(unit);
      diagnostics.addAll(unit.diagnostics());
    });
    return Frontend.analyze(units, diagnostics);
  }

  private static List<String> shown(Program program, String from, String to) {
    return program.diagnostics().stream()
        .map(d -> d.code().id() + " " + d.span().file().path() + ":" + d.span().begin().line() + " " + d.message())
        .map(s -> from == null ? s : s.replace(from, to)).toList();
  }
}
