package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.schema.Kind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One declaration of every layered kind under a name of the test's choosing, with what it needs to
 * check clean (providers, a pool, an issuer and a store under names no sample takes): the raw
 * material for clusters in which declarations of different kinds share one name.
 */
public final class KindSamples {
  private KindSamples() {}

  /** The base cluster, with Flux so that every unit gets a Kustomization. */
  public static final String CLUSTER = """
      cluster test {
        domain "example.org"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
        gitops flux { repository "https://git.example.org/test"; path "clusters/test" }
      }
      node cp { role control-plane; address 10.0.0.2 }
      node w1 { role worker; address 10.0.0.11 }
      node w2 { role worker; address 10.0.0.12 }
      """;

  private static final String CILIUM = "use cilium";
  private static final String POOL = "pool support-lb { range 10.0.0.100..10.0.0.149; via cilium }";
  private static final String SECRETS = "use external-secrets";
  private static final String STORE = "store support-store { via vault; config { server: \"https://vault.example.org\", path: \"kv\", version: \"v2\" } }";
  private static final String TOKEN = "secret support-token { external support-store key \"cloudflare\"; keys [\"api-token\"] }";
  private static final String CERT_MANAGER = "use cert-manager";
  private static final String ISSUER = "issuer support-le { email \"admin@example.org\"; solver dns01 cloudflare token support-token }";

  /** A sample: the declaration with {@code NAME} for its name, and the declarations it needs. */
  record Sample(String declaration, List<String> needs) {
    String declaration(String name) {
      return declaration.replace("NAME", name);
    }
  }

  private static final Map<Kind, Sample> SAMPLES = new EnumMap<>(Kind.class);

  static {
    SAMPLES.put(Kind.VIP, new Sample("vip NAME { address 10.0.0.50; via kube-vip }", List.of()));
    SAMPLES.put(Kind.POOL, new Sample("pool NAME { range 10.0.0.200..10.0.0.209; via cilium }", List.of(CILIUM)));
    SAMPLES.put(Kind.GATEWAY, new Sample("gateway NAME { address 10.0.0.101; class cilium; listener http { hostname \"*.example.org\" } }",
        List.of(CILIUM, POOL)));
    SAMPLES.put(Kind.DNS, new Sample("dns NAME { address 10.0.0.102; via k8s-gateway }", List.of(CILIUM, POOL, "use k8s-gateway")));
    SAMPLES.put(Kind.CERTIFICATE, new Sample("certificate NAME { hosts [\"example.org\"]; issuer support-le }",
        List.of(SECRETS, STORE, TOKEN, CERT_MANAGER, ISSUER)));
    SAMPLES.put(Kind.ISSUER, new Sample("issuer NAME { email \"admin@example.org\"; server staging; solver dns01 cloudflare token support-token }",
        List.of(SECRETS, STORE, TOKEN, CERT_MANAGER)));
    SAMPLES.put(Kind.STORE, new Sample("store NAME { via vault; config { server: \"https://vault.example.org\" } }", List.of(SECRETS)));
    SAMPLES.put(Kind.SECRET, new Sample("secret NAME { sops \"NAME.sops.yaml\"; keys [\"key\"] }", List.of()));
    SAMPLES.put(Kind.BACKUP, new Sample("backup NAME { schedule \"0 3 * * *\"; keep { daily: 7 }; target \"nfs://nas.example.org/backups\" }",
        List.of("use volsync")));
    SAMPLES.put(Kind.VOLUME, new Sample("volume NAME { size 1Gi; backup none }", List.of()));
    SAMPLES.put(Kind.DATABASE, new Sample("database NAME { size 1Gi; backup none }", List.of("use cloudnative-pg")));
    SAMPLES.put(Kind.APP, new Sample("app NAME { image \"nginx:1.27.0\" }", List.of()));
    SAMPLES.put(Kind.COMPONENT, new Sample(
        "component NAME { chart \"https://charts.example.org\" name \"NAME\" version \"1.0.0\" }", List.of()));
  }

  /** Every kind that is deployed (has a layer); a test fails for a new kind until it has a sample here. */
  public static List<Kind> layeredKinds() {
    return Arrays.stream(Kind.values()).filter(Kind::isLayered).toList();
  }

  public static Sample of(Kind kind) {
    Sample sample = SAMPLES.get(kind);
    if (sample == null) {
      throw new AssertionError("no sample declaration for the kind " + kind.keyword() + ": add one to KindSamples");
    }
    return sample;
  }

  /** A cluster with a declaration of each of {@code kinds}, all called {@code name}, and what they need. */
  public static String cluster(Collection<Kind> kinds, String name) {
    Set<String> needs = new LinkedHashSet<>();
    kinds.forEach(kind -> needs.addAll(of(kind).needs()));
    StringBuilder text = new StringBuilder(CLUSTER);
    needs.forEach(need -> text.append(need).append('\n'));
    kinds.forEach(kind -> text.append(of(kind).declaration(name)).append('\n'));
    return text.toString();
  }

  /** A working directory with the SOPS file of a secret sample called {@code name}: a Secret in a namespace of its own. */
  public static Path files(String name) {
    return PlatformEmitFixture.workingDirectory(Map.of(name + ".sops.yaml", PlatformEmitFixture.sops(name, "default", "key")));
  }
}
