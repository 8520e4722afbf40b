package dev.clusterc.compiler.emit.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SecretEmitterTest {
  static final String SOPS_USERS = """
      use cert-manager
      use volsync
      secret token { sops "secrets/token.sops.yaml"; keys ["api-token", "RESTIC_PASSWORD", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] }
      issuer le { email "a@example.org"; solver dns01 cloudflare token token }
      backup nightly { schedule "0 3 * * *"; keep { daily: 7 }; target "s3://backups/test"; credentials token }
      volume data { size 1Gi; backup nightly }
      app web { image "nginx:1.27"; secret-env token; mount data at "/data" }
      """;

  private static final String TOKEN = "secrets/token.sops.yaml";

  private static Path tokenFile(String namespace) {
    return PlatformEmitFixture.workingDirectory(Map.of(TOKEN, PlatformEmitFixture.sops("token", namespace,
        "api-token", "RESTIC_PASSWORD", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")));
  }

  @Test
  void aSopsFileWithoutANamespaceIsPlacedInEveryNamespaceWhereItIsRead() {
    Path dir = tokenFile(null);
    PlatformEmitFixture.Emitted emitted = PlatformEmitFixture.emit(PlatformEmitFixture.program(SOPS_USERS, dir));
    Path file = dir.resolve(TOKEN).toAbsolutePath().normalize();
    assertEquals(Map.of("cert-manager/token.sops.yaml", file), emitted.unit("le").includes());
    assertEquals(Map.of("web/token.sops.yaml", file), emitted.unit("nightly").includes(),
        "the backup is the first user in namespace web (its volume's)");
    assertEquals(Map.of(), emitted.unit("web").includes(), "the backup's unit already carries it in namespace web");
    assertTrue(emitted.unit("le").hasSops());
    assertTrue(emitted.unit("nightly").hasSops());
    assertTrue(emitted.unit("token").isEmpty());
    assertEquals(List.of(), emitted.secrets().fallbacks());
  }

  @Test
  void aSecretReadOnlyByAComponentGoesToTheComponentsNamespaceInItsUnit() {
    Path dir = tokenFile(null);
    Program program = PlatformEmitFixture.program("""
        secret token { sops "secrets/token.sops.yaml"; keys ["api-token"] }
        component tunnel {
          layer      platform
          namespace  network
          chart      "https://charts.example.org" name "tunnel" version "1.0.0"
          depends-on [token]
        }
        """, dir);
    PlatformEmitFixture.Emitted emitted = PlatformEmitFixture.emit(program);
    assertEquals(Map.of("network/token.sops.yaml", dir.resolve(TOKEN).toAbsolutePath().normalize()),
        emitted.unit("tunnel").includes());
    assertTrue(emitted.unit("token").isEmpty());
  }

  @Test
  void aSopsFileBoundToItsNamespaceIsIncludedAsItIs() {
    Path dir = tokenFile("web");
    Program program = PlatformEmitFixture.program("""
        secret token { sops "secrets/token.sops.yaml"; keys ["api-token"] }
        app web { image "nginx:1.27"; secret-env token }
        app api { image "nginx:1.27"; namespace web; secret-env token }
        """, dir);
    PlatformEmitFixture.Emitted emitted = PlatformEmitFixture.emit(program);
    assertEquals(Map.of("token.sops.yaml", dir.resolve(TOKEN).toAbsolutePath().normalize()), emitted.unit("web").includes());
    assertEquals(Map.of(), emitted.unit("api").includes(), "one Secret has one owner");
  }

  @Test
  void aSopsFileBoundToAnotherNamespaceIsReportedForEachReader() {
    List<Diagnostic> errors = errors(SOPS_USERS, tokenFile("web"));
    assertEquals(List.of("test.cluster:10:16: error[invalid-value]: secret `token`: issuer le reads it in namespace "
        + "cert-manager, but the file is bound to namespace web"), errors.stream().map(Diagnostic::toString).toList());
    assertTrue(errors.get(0).hint().startsWith("remove `metadata.namespace` from the file"));
  }

  @Test
  void aSealedFileTravelsWithItsUserWithoutDecryption() {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of("sealed/creds.yaml", PlatformEmitFixture.sealed("creds", "web", "PASSWORD")));
    Program program = PlatformEmitFixture.program("""
        use sealed-secrets
        secret creds { sealed "sealed/creds.yaml"; keys ["PASSWORD"] }
        app web { image "nginx:1.27"; secret-env creds }
        """, dir);
    Unit web = PlatformEmitFixture.emit(program).unit("web");
    assertEquals(Map.of("creds.sealed.yaml", dir.resolve("sealed/creds.yaml").toAbsolutePath().normalize()), web.includes());
    assertEquals(false, web.hasSops());
  }

  @Test
  void aSealedFileReadInANamespaceItWasNotSealedForIsReported() {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of("sealed/creds.yaml", PlatformEmitFixture.sealed("creds", "web", "PASSWORD")));
    List<Diagnostic> errors = errors("""
        use sealed-secrets
        secret creds { sealed "sealed/creds.yaml"; keys ["PASSWORD"] }
        app api { image "nginx:1.27"; secret-env creds }
        """, dir);
    assertEquals("secret `creds`: app api reads it in namespace api, but the file is bound to namespace web",
        errors.get(0).message());
    assertTrue(errors.get(0).hint().contains("kubeseal --namespace"));
  }

  @Test
  void aFileNobodyUsesStaysInTheSecretsOwnUnitWhenItNamesItsNamespace() {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of("spare.sops.yaml", PlatformEmitFixture.sops("spare", "tools")));
    Unit own = PlatformEmitFixture.emit(PlatformEmitFixture.program("secret spare { sops \"spare.sops.yaml\" }\n", dir)).unit("spare");
    assertEquals(List.of("spare.sops.yaml"), List.copyOf(own.includes().keySet()));
    assertTrue(own.hasSops());
    Path nowhere = PlatformEmitFixture.workingDirectory(Map.of("spare.sops.yaml", PlatformEmitFixture.sops("spare", null)));
    assertTrue(PlatformEmitFixture.emit(PlatformEmitFixture.program("secret spare { sops \"spare.sops.yaml\" }\n", nowhere))
        .unit("spare").isEmpty(), "a Secret without a namespace and without a reader has nowhere to go");
  }

  @Test
  void aMissingFileIsReportedAtItsSopsEntry() {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of());
    List<Diagnostic> errors = errors(SOPS_USERS, dir);
    assertEquals(1, errors.size());
    Diagnostic diagnostic = errors.get(0);
    assertEquals("test.cluster:10:16: error[invalid-value]: secret `token`: file `secrets/token.sops.yaml` does not exist",
        diagnostic.toString());
    assertEquals("looked for secrets/token.sops.yaml; the path is relative to the directory of test.cluster", diagnostic.hint());
    assertEquals("sops \"secrets/token.sops.yaml\"", diagnostic.span().text());
  }

  @Test
  void aFileThatIsNoSecretOfThatNameWithThoseKeysIsReported() {
    assertEquals(List.of("secret `token`: file `secrets/token.sops.yaml` is not YAML at line 2, column 1: "),
        problems("a: [unclosed\n").stream().map(m -> m.substring(0, m.indexOf(": ", m.indexOf("YAML")) + 2)).toList());
    assertEquals(List.of("secret `token`: file `secrets/token.sops.yaml` holds a ConfigMap, not a Secret"),
        problems("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: token\n"));
    assertEquals(List.of("secret `token`: file `secrets/token.sops.yaml` holds no Kubernetes object, not a Secret"),
        problems("# only a comment\n"));
    assertEquals(List.of("secret `token`: file `secrets/token.sops.yaml` has no key `AWS_ACCESS_KEY_ID`",
            "secret `token`: file `secrets/token.sops.yaml` has no key `AWS_SECRET_ACCESS_KEY`",
            "secret `token`: file `secrets/token.sops.yaml` has no key `RESTIC_PASSWORD`",
            "secret `token`: file `secrets/token.sops.yaml` has no key `api-token`",
            "secret `token`: file `secrets/token.sops.yaml` holds the Secret `tokens`, but its users read `token`"),
        problems(PlatformEmitFixture.sops("tokens", null, "apiToken")));
  }

  private static List<String> problems(String fileText) {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of(TOKEN, fileText));
    return errors(SOPS_USERS, dir).stream().map(Diagnostic::message).toList();
  }

  /** The errors of analysing {@link CheckFixture#BASE} and {@code text} in {@code dir}; the secret's file is not kept. */
  static List<Diagnostic> errors(String text, Path dir) {
    Program program = CheckFixture.program(CheckFixture.BASE + text, dir);
    program.decls(Kind.SECRET).forEach(s -> assertTrue(program.files().secret(s).isEmpty(), "a refused file is not kept"));
    return program.diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  @Test
  void thePathIsRelativeToTheDirectoryOfTheDeclaringFile() {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of("clusters/home/secrets/token.sops.yaml", PlatformEmitFixture.sops("token", "web")));
    Program program = twoFiles(dir, "clusters/home/cluster.cluster", "clusters/home/apps.cluster", """
        secret token { sops "secrets/token.sops.yaml" }
        app web { image "nginx:1.27"; secret-env token }
        """);
    assertEquals(Map.of("token.sops.yaml", dir.resolve("clusters/home/secrets/token.sops.yaml").toAbsolutePath().normalize()),
        PlatformEmitFixture.emit(program).unit("web").includes());
  }

  @Test
  void anAbsoluteSourcePathNeedsNoWorkingDirectory() {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of(TOKEN, PlatformEmitFixture.sops("token", "web")));
    Program program = twoFiles(Path.of("/nonexistent"), dir.resolve("cluster.cluster").toString(), dir.resolve("apps.cluster").toString(), """
        secret token { sops "secrets/token.sops.yaml" }
        app web { image "nginx:1.27"; secret-env token }
        """);
    assertEquals(Map.of("token.sops.yaml", dir.resolve(TOKEN).toAbsolutePath().normalize()),
        PlatformEmitFixture.emit(program).unit("web").includes());
  }

  static final String EXTERNAL = """
      use cert-manager
      use external-secrets
      use volsync
      use cloudnative-pg
      store kv { via vault; config { server: "https://vault.example.org" } }
      secret creds { external kv key "apps/creds"; keys ["USER", "PASSWORD"] }
      secret everything { external kv key "apps/all" }
      secret s3 { external kv key "backup/s3"; keys ["access-key-id", "secret-access-key", "restic-password"] }
      secret cf { external kv key "dns/cloudflare"; keys ["api-token"] }
      issuer le { email "a@example.org"; solver dns01 cloudflare token cf }
      backup nightly { schedule "0 3 * * *"; keep { daily: 7 }; target "s3://backups/test"; credentials s3 }
      volume data { size 1Gi; backup nightly }
      database pg { size 5Gi; backup nightly }
      app one { image "nginx:1.27"; namespace web; secret-env creds; secret-env everything; mount data at "/data" }
      app two { image "nginx:1.27"; namespace web; secret-env creds }
      app three { image "nginx:1.27"; secret-env creds }
      """;

  @Test
  void anExternalSecretIsAnExternalSecretOncePerNamespaceInTheUnitOfItsFirstUserThere() {
    PlatformEmitFixture.Emitted emitted = PlatformEmitFixture.emit(PlatformEmitFixture.program(EXTERNAL));
    Snippets.assertMatches("secret/SecretEmitterTest-externalSecretsOfOne", emitted.yaml("one"));
    assertEquals("", emitted.yaml("two"));
    Snippets.assertMatches("secret/SecretEmitterTest-externalSecretOfThree", emitted.yaml("three"));
    assertTrue(emitted.unit("creds").isEmpty());
    assertTrue(emitted.unit("everything").isEmpty());
  }

  @Test
  void anIssuersTokenIsReadInCertManagersNamespace() {
    HasNamespaces issuer = new HasNamespaces(PlatformEmitFixture.emit(PlatformEmitFixture.program(EXTERNAL)).unit("le"));
    assertEquals(List.of("ExternalSecret cf in cert-manager", "ClusterIssuer le"), issuer.describe());
  }

  @Test
  void backupCredentialsAreReadWhereTheDatabasesAndResticVolumesAre() {
    HasNamespaces backup = new HasNamespaces(PlatformEmitFixture.emit(PlatformEmitFixture.program(EXTERNAL)).unit("nightly"));
    assertEquals(List.of("ExternalSecret s3 in databases", "ExternalSecret s3 in web"), backup.describe());
  }

  @Test
  void veleroBackupCredentialsAreReadInVelerosNamespace() {
    Program program = PlatformEmitFixture.program("""
        use external-secrets
        use velero
        store kv { via vault; config { server: "https://vault.example.org" } }
        secret s3 { external kv key "backup/s3"; keys ["cloud"] }
        backup nightly { schedule "0 3 * * *"; keep { daily: 7 }; target "s3://backups/test"; credentials s3; via velero }
        volume data { size 1Gi; backup nightly; namespace web }
        """);
    assertEquals(List.of("ExternalSecret s3 in velero"), new HasNamespaces(PlatformEmitFixture.emit(program).unit("nightly")).describe());
  }

  @Test
  void aUserWithoutAUnitLeavesTheObjectInTheSecretsUnitAndSaysSo() {
    Program program = PlatformEmitFixture.program(EXTERNAL);
    EmitContext context = new EmitContext(program);
    Decl secret = program.decls(Kind.SECRET).stream().filter(d -> d.name().equals("everything")).findFirst().orElseThrow();
    Unit own = new Unit("everything", "platform", secret);
    context.register(secret, own);
    SecretEmitter emitter = new SecretEmitter();
    emitter.emit(secret, context, own);
    assertEquals(List.of("ExternalSecret everything in web"), new HasNamespaces(own).describe());
    assertEquals(List.of("secret everything: app one has no unit yet, so its Secret is in the unit of secret everything"),
        emitter.fallbacks().stream().map(SecretEmitter.Fallback::message).toList());
  }

  @Test
  void outputIsTheSameEveryTime() {
    Path dir = tokenFile(null);
    for (String text : List.of(PlatformEmitFixture.HOMELAB, EXTERNAL, SOPS_USERS)) {
      Path base = text.equals(PlatformEmitFixture.HOMELAB)
          ? PlatformEmitFixture.workingDirectory(Map.of("secrets/cloudflare.sops.yaml",
              PlatformEmitFixture.sops("cloudflare-token", "cert-manager", "api-token"))) : dir;
      PlatformEmitFixture.Emitted first = PlatformEmitFixture.emit(PlatformEmitFixture.program(text, base));
      PlatformEmitFixture.Emitted second = PlatformEmitFixture.emit(PlatformEmitFixture.program(text, base));
      assertEquals(first.all(), second.all());
      assertEquals(includes(first), includes(second));
    }
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.SECRET);
  }

  private static List<String> includes(PlatformEmitFixture.Emitted emitted) {
    List<String> out = new ArrayList<>();
    emitted.units().values().forEach(u -> out.add(u.name() + " " + u.includes() + " " + u.hasSops()));
    return out;
  }

  /** Two files: the base cluster at {@code clusterPath}, {@code text} at {@code path}. */
  private static Program twoFiles(Path workingDirectory, String clusterPath, String path, String text) {
    SourceUnit cluster = Parser.parse(new SourceFile(clusterPath, CheckFixture.BASE));
    SourceUnit apps = Parser.parse(new SourceFile(path, text));
    Program program = Frontend.analyze(List.of(cluster, apps), new ArrayList<>(), workingDirectory);
    assertTrue(!program.hasErrors(), () -> CheckFixture.render(program.diagnostics()));
    return program;
  }

  /** A unit's objects as {@code KIND NAME [in NAMESPACE]}. */
  private record HasNamespaces(Unit unit) {
    List<String> describe() {
      return unit.objects().stream().map(o -> o.kind() + " " + o.name()
          + (o.namespace() == null ? "" : " in " + o.namespace())).toList();
    }
  }
}
