package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion contexts: what may be typed at the cursor, with the candidates analysis knows. */
class CompletionTest {
  private static final String BASE = DefinitionTest.CLUSTER + """
      volume data { size 1Gi; backup none }
      volume logs { size 1Gi; backup nightly }
      """;

  private static Completion at(String marked) {
    return Cursor.in(marked).completion();
  }

  @Test
  void aKindKeywordAtTopLevel() {
    var keyword = assertInstanceOf(Completion.Keyword.class, at(BASE + "vol|"));
    assertTrue(keyword.keywords().containsAll(List.of("volume", "app", "use", "import", "template")));
    assertEquals("vol", keyword.prefix());
    assertInstanceOf(Completion.Keyword.class, at(BASE + "|"));
  }

  @Test
  void anEntryKeyOfTheEnclosingKind() {
    var key = assertInstanceOf(Completion.EntryKey.class, at(BASE + "app a {\n  image \"x:1\"\n  mo|\n}\n"));
    assertEquals("app", key.owner());
    assertEquals("mo", key.prefix());
    var mount = key.entries().stream().filter(e -> e.name().equals("mount")).findFirst().orElseThrow();
    assertEquals("mount VOLUME at STRING", mount.usage());
    assertTrue(mount.repeatable());
    var image = key.entries().stream().filter(e -> e.name().equals("image")).findFirst().orElseThrow();
    assertTrue(image.written() && image.required());
    assertFalse(mount.written(), "no mount in the block; `mo` is being typed");
    var nested = assertInstanceOf(Completion.EntryKey.class, at(BASE + "gateway g { class cilium; listener https {\n  |\n} }\n"));
    assertEquals("listener", nested.owner());
    assertEquals(List.of("protocol", "port", "hostname", "certificate"), nested.entries().stream().map(Completion.EntryKey.Entry::name).toList());
    assertEquals("use", assertInstanceOf(Completion.EntryKey.class, at(BASE + "use volsync { | }\n")).owner());
  }

  @Test
  void theSymbolsOfAnEnumeration() {
    var symbols = assertInstanceOf(Completion.Symbols.class, at(BASE + "volume v { size 1Gi; access r| }\n"));
    assertEquals(List.of("rwo", "rwx", "rox"), symbols.symbols());
    assertEquals("r", symbols.prefix());
    var bool = assertInstanceOf(Completion.Symbols.class, at(BASE + "volume v { size 1Gi; restore | }\n"));
    assertEquals(List.of("true", "false"), bool.symbols());
    var connector = assertInstanceOf(Completion.Symbols.class, at(BASE + "app a { image \"x:1\"; mount data | }\n"));
    assertEquals(List.of("at"), connector.symbols());
    var optional = assertInstanceOf(Completion.Symbols.class, at(BASE + "app a { image \"x:1\"; database pg | }\n"));
    assertEquals(List.of("as"), optional.symbols());
  }

  @Test
  void theGitOpsEnginesAndTheEntriesOfClustercsOwn() {
    String gitops = "network { nodes 10.0.0.0/24; router 10.0.0.1 }\n";
    var engines = assertInstanceOf(Completion.Symbols.class, at(BASE.replace(gitops, gitops + "  gitops | {}\n")));
    assertEquals(List.of("flux", "argocd", "clusterc"), engines.symbols());
    var credentials = assertInstanceOf(Completion.Symbols.class,
        at(BASE.replace(gitops, gitops + "  gitops clusterc { credentials | }\n")));
    assertEquals(List.of("token", "ssh"), credentials.symbols());
    var keys = assertInstanceOf(Completion.EntryKey.class, at(BASE.replace(gitops, gitops + "  gitops clusterc {\n  |\n}\n")));
    assertTrue(keys.entries().stream().map(Completion.EntryKey.Entry::name).toList().containsAll(List.of("image", "replicas",
        "credentials")));
  }

  @Test
  void theKeysOfAMapWithFixedKeysAndTheLayersOfTheLadder() {
    var keys = assertInstanceOf(Completion.Symbols.class,
        at(BASE.replace("keep { daily: 7 }", "keep { daily: 7, | }")));
    assertEquals(List.of("hourly", "monthly", "weekly"), keys.symbols());
    var value = assertInstanceOf(Completion.Value.class, at(BASE.replace("keep { daily: 7 }", "keep { daily: | }")));
    assertEquals("an integer", value.expected());
    var layers = assertInstanceOf(Completion.Symbols.class, at(BASE + "app a { image \"x:1\"; layer | }\n"));
    assertEquals(List.of("crds", "controllers", "platform", "storage", "operations", "apps"), layers.symbols());
  }

  @Test
  void aReferenceSlotKnowsItsKindAndCandidates() {
    var mount = assertInstanceOf(Completion.Reference.class, at(BASE + "app a { image \"x:1\"; mount | }\n"));
    assertEquals("volume", mount.kind());
    assertEquals(List.of("data", "logs"), mount.candidates());
    var backup = assertInstanceOf(Completion.Reference.class, at(BASE + "volume v { size 1Gi; backup n| }\n"));
    assertEquals("backup", backup.kind());
    assertEquals(List.of("nightly"), backup.candidates());
    assertEquals(List.of("none"), backup.symbols());
    var route = assertInstanceOf(Completion.Reference.class, at(BASE + "app a { image \"x:1\"; route \"a.example.org\" via | }\n"));
    assertEquals("gateway", route.kind());
    var listed = assertInstanceOf(Completion.Reference.class, at(BASE + "app a { image \"x:1\"; depends-on [data, |] }\n"));
    assertEquals(null, listed.kind());
    assertTrue(listed.candidates().containsAll(List.of("data", "web", "cilium")));
    var nodes = assertInstanceOf(Completion.Reference.class, at(BASE + "app a { image \"x:1\"; on [c|] }\n"));
    assertEquals("node", nodes.kind());
    assertEquals(List.of("cp"), nodes.candidates());
  }

  @Test
  void theExpectedKindOfAReferenceSlot() {
    Cursor cursor = Cursor.in(BASE + "certificate c { hosts [\"a.example.org\"]; issuer | }\n");
    assertEquals("issuer", cursor.navigator.expectedReference(cursor.path, cursor.position).orElseThrow().kind());
    Cursor notOne = Cursor.in(BASE + "volume v { size | }\n");
    assertTrue(notOne.navigator.expectedReference(notOne.path, notOne.position).isEmpty());
    assertEquals("a quantity such as `5Gi` or `100m`",
        assertInstanceOf(Completion.Value.class, notOne.completion()).expected());
  }

  @Test
  void templateNamesAndParameters() {
    String templates = BASE + "template small(port: int, gw: gateway = web) for app { image \"x:1\"; port http $p| }\n";
    var inBody = assertInstanceOf(Completion.TemplateParameter.class, at(templates));
    assertEquals(List.of("port", "gw"), inBody.parameters());
    String defined = templates.replace("$p|", "$port");
    var name = assertInstanceOf(Completion.TemplateName.class, at(defined + "app a from |\n"));
    assertTrue(name.templates().containsAll(List.of("small", "web-app")));
    assertTrue(name.templates().stream().noneMatch(t -> t.equals("nothing")));
    var args = assertInstanceOf(Completion.TemplateParameter.class, at(defined + "app a from small(port: 80, |\n"));
    assertEquals(List.of("gw"), args.parameters());
  }

  @Test
  void componentsAfterUse() {
    var components = assertInstanceOf(Completion.ComponentName.class, at(BASE + "use vol|\n"));
    assertTrue(components.components().containsAll(List.of("volsync", "cilium", "traefik")));
    assertEquals("vol", components.prefix());
  }

  @Test
  void filePathsInTheQuotesOfImportSopsAndManifests() {
    var imported = assertInstanceOf(Completion.FilePath.class, at("import \"lib/|\n" + BASE));
    assertEquals("import", imported.entry());
    assertEquals("lib/", imported.prefix());
    assertEquals("sops", assertInstanceOf(Completion.FilePath.class, at(BASE + "secret s { sops \"secrets/|\" }\n")).entry());
    assertEquals("manifests", assertInstanceOf(Completion.FilePath.class,
        at(BASE + "app a {\n  image \"x:1\"\n  manifests \"|\"\n}\n")).entry());
    assertInstanceOf(Completion.Nothing.class, at(BASE + "app a { image \"x|\" }\n"));
  }

  @Test
  void brokenDocumentsStillComplete() {
    var unclosed = assertInstanceOf(Completion.Reference.class, at(BASE + "app a {\n  image \"x:1\n  mount |\n"));
    assertEquals("volume", unclosed.kind());
    assertInstanceOf(Completion.EntryKey.class, at(BASE + "volume v {\n  size 1Gi\n  |\n"));
    assertInstanceOf(Completion.Nothing.class, at(BASE + "# a comment about vol|"));
  }

  @Test
  void anEntryTellsItsDefaultAsItWouldBeWritten() {
    var gitops = assertInstanceOf(Completion.EntryKey.class,
        at(BASE.replace("network { nodes 10.0.0.0/24; router 10.0.0.1 }\n", "network { nodes 10.0.0.0/24; router 10.0.0.1 }\n  gitops flux {\n  |\n}\n")));
    var defaults = new java.util.TreeMap<String, String>();
    gitops.entries().stream().filter(e -> e.defaultValue() != null).forEach(e -> defaults.put(e.name(), e.defaultValue()));
    assertEquals("10m", defaults.get("interval"));
    assertEquals("\"main\"", defaults.get("branch"));
    assertEquals("ladder", defaults.get("ordering"));
    assertEquals("2", defaults.get("replicas"));
    assertFalse(defaults.containsKey("repository"));
  }
}
