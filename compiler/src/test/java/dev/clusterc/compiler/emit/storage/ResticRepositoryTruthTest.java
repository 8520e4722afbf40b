package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.emit.VolumeTestSupport.emit;
import static dev.clusterc.compiler.emit.VolumeTestSupport.only;
import static dev.clusterc.compiler.emit.VolumeTestSupport.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Secret VolSync's restic mover reads holds what the mover and restic need, for every backend.
 *
 * <p>Restated, not run: VolSync is a controller, not a validation library. The facts come from
 * VolSync v0.14.0 ({@code internal/controller/mover/restic/mover.go}: the controller refuses a
 * repository Secret without {@code RESTIC_REPOSITORY} and {@code RESTIC_PASSWORD}, and copies only
 * the keys listed in {@link #MOVER_READS} into the mover's environment, each by its own name;
 * {@code utils.go} mounts each {@code moverVolumes} entry at {@code /mnt/MOUNTPATH}, a field that
 * first exists in 0.14.0) and from restic's documentation of each backend (the variables it
 * requires and the form of the repository).
 */
class ResticRepositoryTruthTest {
  /** Every key VolSync 0.14's restic mover copies from the repository Secret into its environment. */
  static final Set<String> MOVER_READS = Set.of("RESTIC_REPOSITORY", "RESTIC_PASSWORD", "RESTIC_COMPRESSION",
      "RESTIC_PACK_SIZE", "RESTIC_READ_CONCURRENCY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
      "AWS_DEFAULT_REGION", "AWS_PROFILE", "RESTIC_AWS_ASSUME_ROLE_ARN", "RESTIC_AWS_ASSUME_ROLE_SESSION_NAME",
      "RESTIC_AWS_ASSUME_ROLE_EXTERNAL_ID", "RESTIC_AWS_ASSUME_ROLE_POLICY", "RESTIC_AWS_ASSUME_ROLE_REGION",
      "RESTIC_AWS_ASSUME_ROLE_STS_ENDPOINT", "ST_AUTH", "ST_USER", "ST_KEY", "OS_AUTH_URL", "OS_REGION_NAME",
      "OS_USERNAME", "OS_USER_ID", "OS_PASSWORD", "OS_TENANT_ID", "OS_TENANT_NAME", "OS_USER_DOMAIN_NAME",
      "OS_USER_DOMAIN_ID", "OS_PROJECT_NAME", "OS_PROJECT_DOMAIN_NAME", "OS_PROJECT_DOMAIN_ID", "OS_TRUST_ID",
      "OS_APPLICATION_CREDENTIAL_ID", "OS_APPLICATION_CREDENTIAL_NAME", "OS_APPLICATION_CREDENTIAL_SECRET",
      "OS_STORAGE_URL", "OS_AUTH_TOKEN", "B2_ACCOUNT_ID", "B2_ACCOUNT_KEY", "AZURE_ACCOUNT_NAME", "AZURE_ACCOUNT_KEY",
      "AZURE_ACCOUNT_SAS", "AZURE_ENDPOINT_SUFFIX", "GOOGLE_PROJECT_ID", "GOOGLE_APPLICATION_CREDENTIALS",
      "RESTIC_REST_USERNAME", "RESTIC_REST_PASSWORD");

  /** What restic needs for each backend: each inner list is "one of these". */
  static final Map<String, List<List<String>>> BACKEND_NEEDS = Map.of(
      "s3", List.of(List.of("AWS_ACCESS_KEY_ID"), List.of("AWS_SECRET_ACCESS_KEY")),
      "azure", List.of(List.of("AZURE_ACCOUNT_NAME"), List.of("AZURE_ACCOUNT_KEY", "AZURE_ACCOUNT_SAS")),
      "gs", List.of(List.of("GOOGLE_APPLICATION_CREDENTIALS")),
      "nfs", List.of());

  /** restic's repository forms, by backend. */
  static final Map<String, Pattern> REPOSITORY = Map.of(
      "s3", Pattern.compile("s3:(https?://)?[a-z0-9.:-]+/[a-z0-9.-]+(/[^/]+)+"),
      "azure", Pattern.compile("azure:[a-z0-9-]{3,63}:/[^/]+(/[^/]+)*"),
      "gs", Pattern.compile("gs:[a-z0-9._-]+:/[^/]+(/[^/]+)*"),
      "nfs", Pattern.compile("/mnt/[a-z0-9-]+/[a-z0-9-]+"));

  private static final String VAULT = "use external-secrets\n"
      + "store vault { via vault; config { server: \"https://vault.example.org\", path: \"kv\", version: \"v2\" } }\n";

  /** One restic policy per backend, and how its credentials secret is declared. */
  private record Case(String scheme, String target, String keys, String extra) {
    String text(boolean external) {
      String source = external ? "external vault key \"backups\"" : "sops \"c.yaml\"";
      return CheckFixture.BASE + "use volsync\n" + (external ? VAULT : "")
          + "secret creds { " + source + "; keys [" + keys + "] }\n"
          + "backup nightly { schedule \"0 3 * * *\"; target \"" + target + "\"" + extra + "; credentials creds }\n"
          + "volume notes { size 1Gi; backup nightly }\n";
    }

    List<String> declared() {
      List<String> out = new ArrayList<>();
      for (String key : keys.split(",")) {
        out.add(key.trim().replace("\"", ""));
      }
      return out;
    }
  }

  private static final List<Case> CASES = List.of(
      new Case("s3", "s3://backups/lab", "\"access-key-id\", \"secret-access-key\", \"restic-password\"", "; endpoint \"https://r2.example.com\""),
      new Case("s3", "s3://backups", "\"AWS_ACCESS_KEY_ID\", \"AWS_SECRET_ACCESS_KEY\", \"AWS_DEFAULT_REGION\", \"RESTIC_PASSWORD\"", ""),
      new Case("azure", "azure://lab.blob.core.windows.net/volumes/home", "\"AZURE_STORAGE_SAS_TOKEN\", \"RESTIC_PASSWORD\"", ""),
      new Case("azure", "azure://volumes", "\"AZURE_STORAGE_ACCOUNT\", \"AZURE_STORAGE_KEY\", \"restic-password\"", ""),
      new Case("azure", "azure://volumes", "\"AZURE_STORAGE_KEY\", \"restic-password\"", "; endpoint \"https://lab.blob.core.windows.net\""),
      new Case("gs", "gs://bucket/lab", "\"restic-password\", \"service-account.json\"", ""),
      new Case("nfs", "nfs://nas.lab:/backups", "\"RESTIC_PASSWORD\"", ""));

  /** The keys the mover's Secret will hold, each mapped to the credentials key it is copied from ({@code null}: written in the output). */
  private static Map<String, String> secretKeys(Unit unit) {
    Map<String, String> keys = new LinkedHashMap<>();
    List<KubeObject> external = unit.objects().stream().filter(o -> o.kind().equals("ExternalSecret")).toList();
    if (!external.isEmpty()) {
      Map<String, Object> spec = external.get(0).map("spec");
      Map<?, ?> template = (Map<?, ?>) ((Map<?, ?>) spec.get("target")).get("template");
      assertEquals("Merge", template.get("mergePolicy"), "without Merge the template would drop the copied keys");
      ((Map<?, ?>) template.get("data")).keySet().forEach(k -> keys.put((String) k, null));
      for (Object item : (List<?>) spec.get("data")) {
        Map<?, ?> data = (Map<?, ?>) item;
        keys.put((String) data.get("secretKey"), (String) ((Map<?, ?>) data.get("remoteRef")).get("property"));
      }
      return keys;
    }
    KubeObject secret = only(unit, "Secret");
    secret.map("stringData").keySet().forEach(k -> keys.put(k, null));
    for (String pair : secret.annotations().get(ResticRepository.SECRET_KEYS_ANNOTATION).split(",")) {
      String[] envAndSource = pair.split("=", 2);
      keys.put(envAndSource[0], envAndSource[1].substring(envAndSource[1].indexOf('/') + 1));
    }
    return keys;
  }

  @Test
  void everyBackendsSecretHoldsWhatTheMoverAndResticNeedAndNothingTheyIgnore() {
    for (Case c : CASES) {
      for (boolean external : List.of(false, true)) {
        String label = c.target() + " " + c.keys() + (external ? " (external)" : " (sops)");
        Unit unit = emit(c.text(external), Kind.VOLUME, "notes");
        Map<String, String> keys = secretKeys(unit);
        assertTrue(keys.containsKey("RESTIC_REPOSITORY") && keys.containsKey("RESTIC_PASSWORD"),
            label + ": VolSync refuses a repository Secret without both: " + keys);
        for (String key : keys.keySet()) {
          assertTrue(MOVER_READS.contains(key), label + ": the mover never reads " + key);
        }
        for (List<String> oneOf : BACKEND_NEEDS.get(c.scheme())) {
          assertTrue(oneOf.stream().anyMatch(keys::containsKey), label + ": restic's " + c.scheme() + " backend needs " + oneOf);
        }
        keys.forEach((env, from) -> assertTrue(from == null || c.declared().contains(from),
            label + ": " + env + " is copied from " + from + ", which secret creds does not declare"));
        String repository = repository(unit);
        assertTrue(REPOSITORY.get(c.scheme()).matcher(repository).matches(), label + ": not a restic repository: " + repository);
        assertTrue(repository.endsWith("/notes"), label + ": each volume needs a repository of its own: " + repository);
      }
    }
  }

  @Test
  void anNfsRepositoryLiesOnTheShareTheMoverMounts() {
    Case nfs = CASES.get(CASES.size() - 1);
    Unit unit = emit(nfs.text(false), Kind.VOLUME, "notes");
    Map<?, ?> restic = (Map<?, ?>) only(unit, "ReplicationSource").map("spec").get("restic");
    Map<?, ?> mount = (Map<?, ?>) ((List<?>) restic.get("moverVolumes")).get(0);
    assertTrue(repository(unit).startsWith("/mnt/" + mount.get("mountPath") + "/"),
        "VolSync mounts a mover volume at /mnt/MOUNTPATH; the repository is " + repository(unit));
    Map<?, ?> claim = (Map<?, ?>) ((Map<?, ?>) mount.get("volumeSource")).get("persistentVolumeClaim");
    assertEquals(1, unit.objects().stream().filter(o -> o.kind().equals("PersistentVolumeClaim")
        && o.name().equals(claim.get("claimName"))).count(), "the mounted claim is emitted with the volume");
  }

  @Test
  void thePinnedVolSyncHasMoverVolumes() {
    Program program = program(CheckFixture.BASE + "use volsync\n");
    Component volsync = program.decls(Kind.COMPONENT).stream().filter(d -> d.name().equals("volsync"))
        .map(d -> Component.of(program.model(), d)).findFirst().orElseThrow();
    String[] version = volsync.chart().orElseThrow().version().split("\\.");
    assertTrue(Integer.parseInt(version[0]) > 0 || Integer.parseInt(version[1]) >= 14,
        "moverVolumes (restic on nfs://) first exists in VolSync 0.14.0; the standard library pins " + volsync.chart());
  }

  private static String repository(Unit unit) {
    List<KubeObject> external = unit.objects().stream().filter(o -> o.kind().equals("ExternalSecret")).toList();
    if (!external.isEmpty()) {
      Map<?, ?> target = (Map<?, ?>) external.get(0).map("spec").get("target");
      return (String) ((Map<?, ?>) ((Map<?, ?>) target.get("template")).get("data")).get("RESTIC_REPOSITORY");
    }
    return (String) only(unit, "Secret").map("stringData").get("RESTIC_REPOSITORY");
  }
}
