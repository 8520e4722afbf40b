package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.component.DnsEmitter;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlTrees;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.emit.network.CertificateEmitter;
import dev.clusterc.compiler.emit.network.GatewayEmitter;
import dev.clusterc.compiler.emit.network.IssuerEmitter;
import dev.clusterc.compiler.emit.network.PoolEmitter;
import dev.clusterc.compiler.emit.network.VipEmitter;
import dev.clusterc.compiler.emit.secret.SecretEmitter;
import dev.clusterc.compiler.emit.storage.StoreEmitter;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The fixture of the tests of the vip, pool, gateway, dns, certificate, issuer, store and secret
 * emitters: one unit per layered declaration (as the compiler makes them), those emitters run over
 * their kinds, and the objects as YAML.
 */
public final class PlatformEmitFixture {
  private PlatformEmitFixture() {}

  /** The result of emitting: the unit of each declaration, and the secret emitter (for its fallbacks). */
  public record Emitted(Map<Decl, Unit> units, SecretEmitter secrets) {
    public Unit unit(String name) {
      return units.entrySet().stream().filter(e -> e.getKey().name().equals(name)).map(Map.Entry::getValue)
          .findFirst().orElseThrow(() -> new AssertionError("no unit " + name));
    }

    /** Every object of the named declaration's unit, as YAML documents. */
    public String yaml(String name) {
      return PlatformEmitFixture.yaml(unit(name).objects());
    }

    /** Every object of every unit, in unit order. */
    public String all() {
      return PlatformEmitFixture.yaml(units.values().stream().flatMap(u -> u.objects().stream()).toList());
    }
  }

  /**
   * The brief's first normative example on the network of {@link CheckFixture#BASE}: a kube-vip VIP,
   * a Cilium L2 pool, internal and external Cilium gateways with a wildcard certificate, split DNS
   * and a Let's Encrypt issuer with a SOPS Cloudflare token.
   */
  public static final String HOMELAB = """
      use cilium
      use cert-manager
      use k8s-gateway

      vip api { address 10.0.0.50; on control-plane; via kube-vip }

      pool lb {
        range    10.0.0.100..10.0.0.199
        announce l2
        via      cilium
      }

      secret cloudflare-token { sops "secrets/cloudflare.sops.yaml"; keys ["api-token"] }

      issuer letsencrypt {
        email  "admin@example.org"
        server production
        solver dns01 cloudflare token cloudflare-token
      }

      certificate wildcard { hosts ["example.org", "*.example.org"]; issuer letsencrypt }

      gateway internal {
        address  10.0.0.101
        class    cilium
        listener https { hostname "*.example.org"; certificate wildcard }
      }

      gateway external {
        address  10.0.0.102
        class    cilium
        expose   public
        listener https { hostname "*.example.org"; certificate wildcard }
      }

      dns split { address 10.0.0.100; via k8s-gateway }
      """;

  /** {@link CheckFixture#FLUX_BASE} plus {@code text}, which must check without errors. */
  public static Program fluxProgram(String text) {
    Program program = CheckFixture.programWithSecretFiles(CheckFixture.FLUX_BASE + text);
    assertFalse(program.hasErrors(), () -> CheckFixture.render(program.diagnostics()));
    return program;
  }

  /** As {@link #fluxProgram(String)}, with the files it names found through {@code workingDirectory}. */
  public static Program fluxProgram(String text, Path workingDirectory) {
    Program program = CheckFixture.program(CheckFixture.FLUX_BASE + text, workingDirectory);
    assertFalse(program.hasErrors(), () -> CheckFixture.render(program.diagnostics()));
    return program;
  }

  /** {@link CheckFixture#BASE} plus {@code text}, which must check without errors. */
  public static Program program(String text) {
    Program program = CheckFixture.programWithSecretFiles(CheckFixture.BASE + text);
    assertFalse(program.hasErrors(), () -> CheckFixture.render(program.diagnostics()));
    return program;
  }

  /** As {@link #program(String)}, with the files it names (secrets) found through {@code workingDirectory}. */
  public static Program program(String text, Path workingDirectory) {
    Program program = CheckFixture.program(CheckFixture.BASE + text, workingDirectory);
    assertFalse(program.hasErrors(), () -> CheckFixture.render(program.diagnostics()));
    return program;
  }

  /** {@link #HOMELAB} emitted from a working directory that holds its SOPS file. */
  public static Emitted homelab() {
    return emit(fluxProgram(HOMELAB, workingDirectory(Map.of("secrets/cloudflare.sops.yaml",
        sops("cloudflare-token", "cert-manager", "api-token")))));
  }

  /**
   * A stand-in for a SOPS-encrypted Secret: what the compiler reads of such a file (kind, name,
   * namespace, key names) with placeholder ciphertext. {@code namespace} may be {@code null}.
   */
  public static String sops(String name, String namespace, String... keys) {
    StringBuilder out = new StringBuilder("# not a real SOPS file\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ")
        .append(name).append('\n');
    if (namespace != null) {
      out.append("  namespace: ").append(namespace).append('\n');
    }
    out.append("type: Opaque\nstringData:\n");
    for (String key : keys) {
      out.append("  ").append(key).append(": ENC[AES256_GCM,data:AAAA,iv:AAAA,tag:AAAA,type:str]\n");
    }
    return out.append("sops:\n  mac: ENC[AES256_GCM,data:AAAA,iv:AAAA,tag:AAAA,type:str]\n  version: 3.10.2\n").toString();
  }

  /** A stand-in for the SealedSecret kubeseal writes. */
  public static String sealed(String name, String namespace, String... keys) {
    StringBuilder out = new StringBuilder("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: ")
        .append(name).append('\n');
    if (namespace != null) {
      out.append("  namespace: ").append(namespace).append('\n');
    }
    out.append("spec:\n  encryptedData:\n");
    for (String key : keys) {
      out.append("    ").append(key).append(": AgBy3i4OJSWK+PiTySYZZA==\n");
    }
    return out.toString();
  }

  /** A fresh temporary directory with {@code files} (path → text) in it, deleted when the JVM exits. */
  public static Path workingDirectory(Map<String, String> files) {
    try {
      Path dir = Files.createTempDirectory("clusterc-emit");
      dir.toFile().deleteOnExit();
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = dir.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        path.getParent().toFile().deleteOnExit();
        Files.writeString(path, file.getValue());
        path.toFile().deleteOnExit();
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Map<Kind, Emitter> emitters(SecretEmitter secrets) {
    Map<Kind, Emitter> emitters = new EnumMap<>(Kind.class);
    emitters.put(Kind.VIP, new VipEmitter());
    emitters.put(Kind.POOL, new PoolEmitter());
    emitters.put(Kind.GATEWAY, new GatewayEmitter());
    emitters.put(Kind.DNS, new DnsEmitter());
    emitters.put(Kind.CERTIFICATE, new CertificateEmitter());
    emitters.put(Kind.ISSUER, new IssuerEmitter());
    emitters.put(Kind.STORE, new StoreEmitter());
    emitters.put(Kind.SECRET, secrets);
    return emitters;
  }

  /** A unit per layered declaration, named and registered as compile does, filled by these emitters in source order. */
  public static Emitted emit(Program program) {
    Emission emission = Emission.of(program);
    SecretEmitter secrets = new SecretEmitter();
    Map<Kind, Emitter> emitters = emitters(secrets);
    emission.units().keySet().forEach(decl -> {
      Emitter emitter = emitters.get(decl.kind());
      if (emitter != null) {
        emission.emit(decl, emitter);
      }
    });
    emission.units().values().forEach(unit -> unit.objects().forEach(PlatformEmitFixture::assertReadsBack));
    return new Emitted(emission.units(), secrets);
  }

  public static String yaml(List<KubeObject> objects) {
    return objects.stream().map(YamlWriter::toYaml).collect(Collectors.joining("---\n"));
  }

  /**
   * For every compilable example: emitting every declaration of {@code kind} throws nothing, and each
   * object has an apiVersion, a kind, a name, the three standard labels and the source annotation.
   */
  public static Stream<DynamicTest> examples(Kind kind) {
    return Examples.compilable().stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
      Program program = Examples.program(example);
      Emitted emitted = emit(program);
      for (Map.Entry<Decl, Unit> entry : emitted.units().entrySet()) {
        if (entry.getKey().kind() == kind) {
          entry.getValue().objects().forEach(PlatformEmitFixture::assertWellFormed);
        }
      }
      assertTrue(emitted.secrets().fallbacks().isEmpty(), () -> emitted.secrets().fallbacks().toString());
    }));
  }

  /** The YAML reads back as the object's own tree, and writes again to the same bytes. */
  public static void assertReadsBack(KubeObject object) {
    YamlTrees.assertReadsBack(object);
  }

  public static void assertWellFormed(KubeObject object) {
    String what = YamlWriter.toYaml(object);
    assertNotNull(object.apiVersion(), what);
    assertNotNull(object.kind(), what);
    assertNotNull(object.name(), what);
    Map<String, String> labels = object.labels();
    assertNotNull(labels, what);
    for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by")) {
      assertTrue(labels.containsKey(label), label + " on " + what);
    }
    assertEquals("clusterc", labels.get("app.kubernetes.io/managed-by"), what);
    String source = object.annotations().get(EmitContext.SOURCE_ANNOTATION);
    assertNotNull(source, what);
    assertTrue(source.matches("[^:]+\\.cluster:\\d+"), source);
    assertReadsBack(object);
  }
}
