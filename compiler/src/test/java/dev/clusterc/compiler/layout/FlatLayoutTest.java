package dev.clusterc.compiler.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.files.YamlDocuments;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code -o -} stream: SealedSecrets go in as they are; SOPS files are named, never applied encrypted. */
class FlatLayoutTest {
  private static final String SOURCES = """
      use sealed-secrets
      secret oidc  { sealed "oidc.sealed.yaml"; keys ["client-id"] }
      secret bound { sealed "bound.sealed.yaml"; keys ["token"] }
      secret db    { sops "db.sops.yaml"; keys ["password"] }
      app web { image "nginx:1.27"; secret-env oidc; secret-env bound; secret-env db }
      """;

  private static String stream() {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of(
        "oidc.sealed.yaml", PlatformEmitFixture.sealed("oidc", null, "client-id"),
        "bound.sealed.yaml", PlatformEmitFixture.sealed("bound", "web", "token"),
        "db.sops.yaml", PlatformEmitFixture.sops("db", null, "password")));
    Compilation compilation = ManifestCompiler.compile(CheckFixture.program(CheckFixture.FLUX_BASE + SOURCES, dir));
    return FlatLayout.write(compilation);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> document(String stream, String kind, String name) {
    for (YamlDocuments.Document document : YamlDocuments.parse(stream).documents()) {
      Map<String, Object> object = (Map<String, Object>) document.value();
      Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
      if (kind.equals(object.get("kind")) && name.equals(metadata.get("name"))) {
        return object;
      }
    }
    throw new AssertionError("no " + kind + " " + name + " in the stream");
  }

  @Test
  void aSealedSecretIsInTheStreamInTheNamespaceWhereItIsRead() {
    String stream = stream();
    Map<String, Object> oidc = document(stream, "SealedSecret", "oidc");
    assertEquals(Map.of("name", "oidc", "namespace", "web"), oidc.get("metadata"),
        "a file naming no namespace gets the reader's, as its kustomization gives it in the tree");
    assertEquals(Map.of("encryptedData", Map.of("client-id", "AgBy3i4OJSWK+PiTySYZZA==")), oidc.get("spec"));
  }

  @Test
  void aSealedSecretBoundToItsNamespaceIsCopiedByteForByte() {
    assertTrue(stream().contains("---\n" + PlatformEmitFixture.sealed("bound", "web", "token")));
  }

  @Test
  void aSopsFileIsNamedWithHowToDecryptItAndNeverAppliedEncrypted() {
    String stream = stream();
    assertTrue(stream.contains("# unit web also needs the SOPS-encrypted Secret db.sops.yaml in namespace web: the GitOps"
        + " layout includes it for Flux to decrypt; here, decrypt it with `sops --decrypt` and apply it with"
        + " `--namespace=web` before this unit\n"), stream);
    assertFalse(stream.contains("ENC[AES256_GCM"), "no encrypted value reaches kubectl");
    assertFalse(stream.contains("decrypt it before applying"), "the old advice to decrypt sealed secrets is gone");
    assertEquals(List.of(), YamlDocuments.parse(stream).documents().stream()
        .filter(d -> "Secret".equals(((Map<?, ?>) d.value()).get("kind"))).toList());
  }
}
