package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hover through the protocol, on the homelab example and small fixtures: each answer rendered (its
 * range and Markdown) and compared with a golden file under {@code hover/}.
 */
class HoverTest {
  static final Path HOMELAB = Path.of("../examples/homelab/cluster.cluster");
  static LspHarness lsp;
  static String homelab;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws IOException {
    lsp = LspHarness.start();
    homelab = Files.readString(HOMELAB);
  }

  @AfterAll
  static void stop() throws IOException {
    lsp.close();
  }

  /** The hover at the {@code |} of {@code marked}, which is placed at the first occurrence of its text in the example. */
  private static Hover onHomelab(String marked) {
    String plain = marked.replace("|", "");
    int at = homelab.indexOf(plain);
    assertTrue(at >= 0, plain);
    return hover(HOMELAB, homelab.substring(0, at) + marked + homelab.substring(at + plain.length()));
  }

  private static Hover hover(Path file, String markedDocument) {
    LspHarness.Cursor cursor = LspHarness.Cursor.of(markedDocument);
    String uri = lsp.open(file, cursor.text());
    return LspHarness.get(lsp.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), cursor.position())));
  }

  static String render(Hover hover) {
    if (hover == null) {
      return "no hover\n";
    }
    var range = hover.getRange();
    return "range " + (range.getStart().getLine() + 1) + ":" + (range.getStart().getCharacter() + 1) + "-"
        + (range.getEnd().getLine() + 1) + ":" + (range.getEnd().getCharacter() + 1) + " ("
        + hover.getContents().getRight().getKind() + ")\n\n" + hover.getContents().getRight().getValue();
  }

  @Test
  void theServerSaysItHovers() {
    assertEquals(Boolean.TRUE, lsp.initialized.getCapabilities().getHoverProvider().getLeft());
  }

  @Test
  void aNodesNameShowsItsRoleAndAddress() throws IOException {
    Goldens.check("hover/node.golden", render(onHomelab("node con|trol0")));
  }

  @Test
  void aGatewayShowsItsListenersAddressLayerAndObjects() throws IOException {
    Goldens.check("hover/gateway.golden", render(onHomelab("gateway inter|nal")));
  }

  @Test
  void aReferenceToAGatewayShowsTheGateway() throws IOException {
    Hover reference = onHomelab("}\" via inter|nal");
    Goldens.check("hover/gateway-reference.golden", render(reference));
    String declared = render(onHomelab("gateway inter|nal"));
    assertEquals(declared.substring(declared.indexOf("\n\n")), render(reference).substring(render(reference).indexOf("\n\n")));
  }

  @Test
  void anAppShowsItsTemplateRoutesAndObjects() throws IOException {
    Goldens.check("hover/app.golden", render(onHomelab("app son|arr")));
  }

  @Test
  void aVolumeReferenceShowsTheVolume() throws IOException {
    Goldens.check("hover/volume.golden", render(onHomelab("mount    sonarr-con|fig")));
  }

  @Test
  void anEntryKeywordShowsItsUsageAndDefault() throws IOException {
    Goldens.check("hover/entry-interval.golden", render(onHomelab("    inter|val   1h")));
    Goldens.check("hover/entry-listener.golden", render(onHomelab("  list|ener https { hostname \"*.tosih.org\"; certificate wildcard }")));
  }

  @Test
  void aKindKeywordSaysWhatTheKindIs() throws IOException {
    Goldens.check("hover/kind-gateway.golden", render(onHomelab("gate|way internal")));
  }

  @Test
  void useShowsWhatTheComponentProvides() throws IOException {
    Goldens.check("hover/use-cilium.golden", render(onHomelab("use cil|ium")));
  }

  @Test
  void aTemplateAndItsParameterFromTheCall() throws IOException {
    Goldens.check("hover/template.golden", render(onHomelab("from media-a|pp(port: 8989)")));
    Goldens.check("hover/parameter.golden", render(onHomelab("from media-app(po|rt: 8989)")));
  }

  @Test
  void aSopsSecretAndABackupShowTheObjectsTheirFilesAndUnitsMake() throws IOException {
    Goldens.check("hover/secret-sops.golden", render(onHomelab("secret cloudflare-to|ken")));
    Goldens.check("hover/backup.golden", render(onHomelab("backup nigh|tly")));
  }

  @Test
  void aTraefikListenerShowsThePortOfTheEmittedGatewayAndThePortClientsReach() throws IOException {
    Path infrastructure = Path.of("../examples/fleet-infra/infrastructure.cluster");
    String text = Files.readString(infrastructure);
    int at = text.indexOf("gateway websecure") + "gateway web".length();
    Goldens.check("hover/gateway-traefik.golden", render(hover(infrastructure, text.substring(0, at) + "|" + text.substring(at))));
  }

  @Test
  void aReferenceToAnAppInAnotherFile() throws IOException {
    Files.writeString(dir.resolve("main.cluster"), """
        cluster two {
          domain "two.example"
          network { nodes 10.0.0.0/16 }
        }
        node cp0 { role control-plane; address 10.0.0.2 }
        node cp1 { role control-plane; address 10.0.0.3 }
        node cp2 { role control-plane; address 10.0.0.4 }
        """);
    Files.writeString(dir.resolve("web.cluster"), """
        # The shop's front end.
        app web { image "nginx:1.27"; port http 80 }
        """);
    Path api = dir.resolve("api.cluster");
    Files.writeString(api, "");
    Goldens.check("hover/app-reference.golden", render(hover(api, """
        app api { image "api:1.0"; depends-on [w|eb] }
        """)));
  }

  @Test
  void whitespaceAndCommentsHaveNoHover() {
    assertNull(onHomelab("# Talos home|lab"));
    assertNull(onHomelab("node control0 { role control-plane;| address 10.0.50.1 }"));
    assertNull(onHomelab("    router   10.0.0.1\n |"));
  }

  @Test
  void aDocCommentAndAClusterWithErrors() throws IOException {
    Path file = dir.resolve("c.cluster");
    Files.writeString(file, "");
    String text = """
        cluster c { domain "c.example"; network { nodes 10.0.0.0/24 } }
        node cp { role control-plane; address 10.0.0.2 }

        # The NAS-backed media volume. Lives on **cp**'s disk,
        # never backed up.
        volume med|ia { size 2Ti; backup none }
        app web { image "nginx:1.27"; mount media at "/m"; mount nowhere at "/n" }
        """;
    Goldens.check("hover/doc-comment-with-errors.golden", render(hover(file, text)));
  }

  @Test
  void aBrokenDocumentStillAnswersForWhatParses() throws IOException {
    Path file = dir.resolve("broken.cluster");
    Files.writeString(file, "");
    String text = """
        cluster c { domain "c.example"; network { nodes 10.0.0.0/24 } }
        node c|p { role control-plane; address 10.0.0.2 }
        app web { image = "nginx:1.27"
        volume data { size 1Gi
        """;
    Hover hover = hover(file, text);
    assertNotNull(hover, "a node before the broken lines still has a hover");
    Goldens.check("hover/broken-document.golden", render(hover));
    assertNull(hover(file, text.replace("node c|p", "node cp").replace("size 1Gi", "size 1Gi |")));
  }
}
