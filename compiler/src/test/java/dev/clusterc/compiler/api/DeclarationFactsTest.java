package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an editor shows on hover, from the API: a declaration's facts (signature, doc comment,
 * layer, resolved values), the objects it compiles to, an entry's schema, the kind summaries and
 * a document's comments.
 */
class DeclarationFactsTest {
  static final String HOMELAB = "examples/homelab/cluster.cluster";
  static Analysis homelab;
  static SourceFile homelabText;

  @BeforeAll
  static void analyseHomelab() {
    Path root = Repo.root();
    homelab = ClusterCompiler.open(root.resolve("examples/homelab"), root).analyse();
    homelabText = homelab.documents().get(0);
  }

  /** The symbol the name at the first occurrence of {@code marked} (with a {@code |}) refers to. */
  private static Symbol at(String marked) {
    int bar = marked.indexOf('|');
    String plain = marked.replace("|", "");
    int offset = homelabText.text().indexOf(plain);
    assertTrue(offset >= 0, plain);
    Position position = homelabText.position(offset + bar);
    List<Symbol> symbols = homelab.navigator().definition(HOMELAB, position);
    assertEquals(1, symbols.size(), symbols.toString());
    return symbols.get(0);
  }

  private static DeclarationFacts facts(String marked) {
    return homelab.navigator().facts(at(marked)).orElseThrow();
  }

  private static String values(DeclarationFacts facts) {
    return facts.values().stream().map(f -> f.label() + "=" + f.value()).reduce((a, b) -> a + "; " + b).orElse("");
  }

  @Test
  void aNodeHasItsRoleAndAddressAndNoLayer() {
    DeclarationFacts node = facts("node con|trol0");
    assertEquals("node control0", node.signature());
    assertEquals("node", node.keyword());
    assertEquals("role=control-plane; address=10.0.50.1", values(node));
    assertEquals(null, node.layer());
    assertEquals(Optional.of(List.of()), homelab.objects(at("node con|trol0")));
  }

  @Test
  void aGatewayHasItsListenersWithDefaultsAndItsAddress() {
    DeclarationFacts gateway = facts("via inte|rnal");
    assertEquals("gateway internal", gateway.signature());
    assertEquals("platform", gateway.layer());
    assertEquals("class=cilium; address=10.0.50.101; expose=internal; namespace=kube-system", values(gateway));
    assertEquals(List.of(new DeclarationFacts.Listener("https", "https", 443, 443, "*.tosih.org", "wildcard")), gateway.listeners());
    List<String> objects = homelab.objects(at("via inte|rnal")).orElseThrow().stream().map(ObjectRef::toString).toList();
    assertTrue(objects.contains("Gateway kube-system/internal"), objects.toString());
  }

  @Test
  void aTraefikListenerHasThePortTheEmittedGatewaySaysAndThePortClientsReach() throws Exception {
    Path root = Repo.root();
    Path fleet = root.resolve("examples/fleet-infra");
    Analysis analysis = ClusterCompiler.open(fleet, root).analyse();
    String path = "examples/fleet-infra/infrastructure.cluster";
    SourceFile text = analysis.documents().stream().filter(d -> d.path().equals(path)).findFirst().orElseThrow();
    Symbol websecure = analysis.navigator().declarationAt(path, text.position(text.text().indexOf("gateway websecure") + 9))
        .orElseThrow();
    DeclarationFacts.Listener https = analysis.navigator().facts(websecure).orElseThrow().listeners().get(0);
    String emitted = Files.readString(fleet.resolve("expected/platform/websecure/gateway-websecure.yaml"));
    assertTrue(emitted.contains("port: " + https.port()), https + " in\n" + emitted);
    assertEquals(8443, https.port());
    assertEquals(443, https.exposedPort());
  }

  @Test
  void aSopsSecretAndABackupCompileToTheirFilesAndTheirKustomization() {
    List<String> secret = homelab.objects(at("secret cloudflare-to|ken")).orElseThrow().stream().map(ObjectRef::toString).toList();
    assertTrue(secret.contains("Secret cert-manager/cloudflare-token"), "the copied sops file: " + secret);
    List<String> nightly = homelab.objects(at("backup nigh|tly")).orElseThrow().stream().map(ObjectRef::toString).toList();
    assertTrue(nightly.contains("Kustomization flux-system/nightly"), "its unit's Kustomization: " + nightly);
    List<String> cluster = homelab.objects(at("cluster home|lab")).orElseThrow().stream().map(ObjectRef::toString).toList();
    assertTrue(cluster.contains("GitRepository flux-system/homelab"), cluster.toString());
  }

  @Test
  void anAppFromATemplateHasItsExpandedRouteAndItsObjects() {
    DeclarationFacts app = facts("app son|arr");
    assertEquals("app sonarr from media-app(port: 8989)", app.signature());
    assertEquals("apps", app.layer());
    assertTrue(values(app).contains("routes=sonarr.tosih.org via internal"), values(app));
    assertTrue(values(app).contains("namespace=media"), values(app));
    List<String> objects = homelab.objects(at("app son|arr")).orElseThrow().stream().map(ObjectRef::toString).toList();
    assertTrue(objects.contains("Deployment media/sonarr"), objects.toString());
    assertTrue(objects.contains("Service media/sonarr"), objects.toString());
  }

  @Test
  void aComponentTurnedOnByUseSaysWhatItProvides() {
    Symbol use = homelab.navigator().declarationAt(HOMELAB,
        homelabText.position(homelabText.text().indexOf("use cilium") + 5)).orElseThrow();
    DeclarationFacts cilium = homelab.navigator().facts(use).orElseThrow();
    assertEquals("component", cilium.keyword());
    assertEquals("controllers", cilium.layer());
    assertTrue(values(cilium).contains("provides=") && values(cilium).contains("gateway-class:cilium"), values(cilium));
    assertTrue(values(cilium).contains("chart=cilium "), values(cilium));
    List<ObjectRef> objects = homelab.objects(use).orElseThrow();
    assertTrue(objects.stream().anyMatch(o -> o.kind().equals("HelmRelease")), objects.toString());
  }

  @Test
  void aUsesOwnDocCommentComesBeforeTheComponents() {
    Cursor cursor = Cursor.in("""
        # Our CNI.
        use cil|ium
        """);
    List<Symbol> symbols = cursor.definition();
    assertEquals(1, symbols.size(), symbols.toString());
    String doc = cursor.navigator.facts(symbols.get(0)).orElseThrow().doc();
    assertTrue(doc.startsWith("Our CNI.\n\nCilium"), doc);
    assertEquals(1, doc.split("Cilium:").length - 1, doc);
  }

  @Test
  void theDocCommentAboveADeclarationIsItsDoc() {
    Cursor cursor = Cursor.in("""
        # The NAS-backed media volume. Lives on worker1's SSD,
        # replicated nightly to worker2.
        volume med|ia { size 2Ti; backup none }

        # not a doc: a blank line follows

        volume other { size 1Gi; backup none }
        """);
    Symbol media = cursor.definition().get(0);
    DeclarationFacts facts = cursor.navigator.facts(media).orElseThrow();
    assertEquals("The NAS-backed media volume. Lives on worker1's SSD,\nreplicated nightly to worker2.", facts.doc());
    assertEquals("storage", facts.layer());
    assertTrue(facts.values().contains(new DeclarationFacts.Fact("size", "2Ti")), facts.values().toString());
    assertTrue(facts.values().contains(new DeclarationFacts.Fact("backup", "none")), facts.values().toString());
    Symbol other = cursor.navigator.definition(cursor.path, new Position(7, 9)).get(0);
    assertEquals("", cursor.navigator.facts(other).orElseThrow().doc());
  }

  @Test
  void aClusterWithErrorsHasNoObjectsButStillFacts() {
    Cursor cursor = Cursor.in("""
        cluster c { domain "c.example"; network { nodes 10.0.0.0/24 } }
        node cp { role control-plane; address 10.0.0.2 }
        app w|eb { image "nginx:1.27"; mount nowhere at "/d" }
        """);
    Symbol web = cursor.definition().get(0);
    assertEquals(Optional.empty(), new Analysis(cursor.program).objects(web));
    assertEquals("app web", cursor.navigator.facts(web).orElseThrow().signature());
  }

  @Test
  void aTemplateParameterIsDescribedByItsDeclaration() {
    Cursor cursor = Cursor.in("""
        template small(port: int = 80) for app { image "x:1"; port http $po|rt }
        """);
    DeclarationFacts port = cursor.navigator.facts(cursor.definition().get(0)).orElseThrow();
    assertEquals("parameter", port.keyword());
    assertEquals("port: int = 80", port.signature());
    assertEquals(List.of(new DeclarationFacts.Fact("template", "small")), port.values());
  }

  @Test
  void anEntryDocHasTheUsageDefaultAndTheBlocksEntries() {
    Position interval = homelabText.position(homelabText.text().indexOf("interval") + 2);
    EntryDoc doc = homelab.navigator().entryDoc(HOMELAB, interval).orElseThrow();
    assertEquals("interval DURATION", doc.usage());
    assertEquals("gitops", doc.owner());
    assertEquals("10m", doc.defaultValue());
    Position listener = homelabText.position(homelabText.text().indexOf("listener") + 2);
    EntryDoc listenerDoc = homelab.navigator().entryDoc(HOMELAB, listener).orElseThrow();
    assertTrue(listenerDoc.repeatable());
    assertTrue(listenerDoc.entries().contains("port INT"), listenerDoc.entries().toString());
    Position comment = homelabText.position(3);
    assertEquals(Optional.empty(), homelab.navigator().entryDoc(HOMELAB, comment));
  }

  @Test
  void theKindSummariesAreTheReferencesHeadings() throws Exception {
    String reference = Files.readString(Repo.root().resolve("docs/language.md"));
    Matcher heading = Pattern.compile("(?m)^### 6\\.\\d+ `([a-z]+)` — (.+)$").matcher(reference);
    int seen = 0;
    while (heading.find()) {
      assertEquals(Optional.of(heading.group(2)), KindGuide.summary(heading.group(1)), heading.group());
      seen++;
    }
    assertEquals(16, seen);
    assertTrue(KindGuide.summary("mount").isEmpty());
    assertEquals(List.of("role control-plane|worker (required)", "address IP (required)", "labels MAP", "disk STRING"),
        KindGuide.entries("node").stream().filter(e -> !e.startsWith("allow")).toList());
    assertTrue(KindGuide.entries("use").contains("version STRING"), KindGuide.entries("use").toString());
    assertEquals(List.of(), KindGuide.entries("template"));
  }

  @Test
  void everyEntryOfEveryKindHasItsRowOfTheReference() {
    List<String> missing = new java.util.ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (Property property : Schemas.of(kind).properties()) {
        if (LanguageReference.entry(kind.keyword(), null, property.name()).isEmpty()) {
          missing.add(kind.keyword() + " " + property.name());
        }
        if (property.block() != null) {
          for (Property inner : property.block().properties()) {
            if (LanguageReference.entry(kind.keyword(), property.name(), inner.name()).isEmpty()) {
              missing.add(kind.keyword() + " " + property.name() + " " + inner.name());
            }
          }
        }
      }
    }
    for (Property property : Schemas.USE.properties()) {
      if (LanguageReference.entry("use", null, property.name()).isEmpty()) {
        missing.add("use " + property.name());
      }
    }
    // these three are described in the rows of their blocks and in §6.14's prose, not in tables of their own
    assertEquals(List.of("app resources cpu", "app resources memory", "app access rule"), missing);
  }

  @Test
  void anEntryDocCarriesTheReferencesWords() {
    Position hostname = homelabText.position(homelabText.text().indexOf("hostname") + 2);
    EntryDoc doc = homelab.navigator().entryDoc(HOMELAB, hostname).orElseThrow();
    assertEquals("listener", doc.owner());
    assertEquals("DNS name, may start with `*.` (§11.5). Default: none: matches every host.", doc.doc());
  }

  @Test
  void commentsAreListedWithTheirSpans() {
    List<String> comments = homelab.navigator().comments(HOMELAB).stream().map(Cursor::show).toList();
    assertEquals(List.of(HOMELAB + ":1:1-1:60 # Talos homelab: 3 control planes, 3 workers, Cilium, Flux."), comments);
    assertEquals(List.of(), homelab.navigator().comments("nowhere.cluster"));
  }
}
