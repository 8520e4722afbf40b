package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.emit.VolumeTestSupport.emit;
import static dev.clusterc.compiler.emit.VolumeTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A database's {@code barmanObjectStore} is one CloudNativePG accepts and Barman can write to.
 *
 * <p>Restated, not run: CloudNativePG 1.27 validates the store with barman-cloud's Go webhook
 * ({@code pkg/api/webhooks/config.go} and {@code pkg/api/config.go} of barman-cloud v0.3.3: exactly
 * one of {@code azureCredentials}/{@code s3Credentials}/{@code googleCredentials}; for S3 both key
 * references; for Azure a connection string alone, or exactly one of storage key and SAS token; for
 * GCS the credentials file), and what that webhook lets through is then parsed by Barman's Python
 * ({@code barman/cloud_providers/azure_blob_storage.py}): an Azure URL whose host ends in
 * {@code blob.core.windows.net} gives the account and a first path segment gives the container;
 * any other host is an emulator that needs a connection string. Running the webhook would need a
 * Go build of barman-cloud and its Kubernetes dependencies for checks this short.
 */
class CnpgBarmanTruthTest {
  private static final Pattern RETENTION = Pattern.compile("^[1-9][0-9]*[dwm]$");

  private static final String VAULT = "use external-secrets\n"
      + "store vault { via vault; config { server: \"https://vault.example.org\", path: \"kv\", version: \"v2\" } }\n";

  private record Case(String scheme, String target, String keys, String extra) {
    String text() {
      return CheckFixture.BASE + "use cloudnative-pg\n" + VAULT
          + "secret creds { external vault key \"pg\"; keys [" + keys + "] }\n"
          + "backup nightly { schedule \"0 3 * * *\"; keep { daily: 7 }; target \"" + target + "\"" + extra + "; credentials creds }\n"
          + "database pg { engine postgres; version 17; size 1Gi; backup nightly }\n";
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
      new Case("s3", "s3://backups/lab", "\"access-key-id\", \"secret-access-key\"", "; endpoint \"https://r2.example.com\""),
      new Case("s3", "s3://backups", "\"AWS_ACCESS_KEY_ID\", \"AWS_SECRET_ACCESS_KEY\", \"AWS_REGION\"", ""),
      new Case("azure", "azure://homelabbackups.blob.core.windows.net/linkding-db-clean",
          "\"AZURE_STORAGE_ACCOUNT\", \"AZURE_STORAGE_SAS_TOKEN\"", ""),
      new Case("azure", "azure://pg-clean/lab", "\"AZURE_STORAGE_KEY\"", "; endpoint \"https://lab.blob.core.windows.net\""),
      new Case("azure", "azure://pg-clean", "\"AZURE_STORAGE_KEY\", \"AZURE_STORAGE_SAS_TOKEN\"",
          "; endpoint \"lab.blob.core.windows.net\""),
      new Case("azure", "azure://lab.blob.core.windows.net/pg-clean", "\"AZURE_STORAGE_CONNECTION_STRING\"", ""),
      new Case("gs", "gs://pg-backups/lab", "\"gcsCredentials\"", ""));

  @Test
  void everyBackendsStoreIsOneCloudNativePgAcceptsAndBarmanCanWriteTo() {
    for (Case c : CASES) {
      String label = c.target() + " " + c.keys();
      Map<?, ?> backup = (Map<?, ?>) only(emit(c.text(), Kind.DATABASE, "pg"), "Cluster").map("spec").get("backup");
      assertTrue(RETENTION.matcher((String) backup.get("retentionPolicy")).matches(), label + ": " + backup.get("retentionPolicy"));
      Map<?, ?> store = (Map<?, ?>) backup.get("barmanObjectStore");
      List<String> credentials = List.of("azureCredentials", "s3Credentials", "googleCredentials").stream()
          .filter(store::containsKey).toList();
      assertEquals(1, credentials.size(), label + ": one and only one kind of credentials: " + credentials);
      Map<?, ?> refs = (Map<?, ?>) store.get(credentials.get(0));
      refs.forEach((field, ref) -> {
        Map<?, ?> selector = (Map<?, ?>) ref;
        assertEquals("creds", selector.get("name"), label + ": " + field);
        assertTrue(c.declared().contains(selector.get("key")), label + ": " + field + " names the key " + selector.get("key")
            + ", which secret creds does not declare");
      });
      String path = (String) store.get("destinationPath");
      switch (c.scheme()) {
        case "s3":
          assertTrue(path.matches("s3://[a-z0-9.-]+(/[^/]+)*"), label + ": " + path);
          assertTrue(refs.containsKey("accessKeyId") && refs.containsKey("secretAccessKey"), label + ": both keys or neither");
          assertEquals(c.extra().isEmpty(), !store.containsKey("endpointURL"), label + ": endpointURL only for a compatible service");
          break;
        case "gs":
          assertTrue(path.matches("gs://[a-z0-9._-]+(/[^/]+)*"), label + ": " + path);
          assertTrue(refs.containsKey("applicationCredentials"), label);
          break;
        default:
          azure(label, path, refs);
          break;
      }
    }
  }

  private static void azure(String label, String path, Map<?, ?> refs) {
    URI url = URI.create(path);
    assertEquals("https", url.getScheme(), label + ": " + path);
    assertTrue(url.getHost().endsWith(".blob.core.windows.net") && !url.getHost().startsWith("."),
        label + ": Barman takes the account from a blob.core.windows.net host, else wants an emulator: " + path);
    String[] segments = url.getPath().split("/");
    assertTrue(segments.length >= 2 && !segments[1].isEmpty(), label + ": Barman needs a container in " + path);
    if (refs.containsKey("connectionString")) {
      assertEquals(1, refs.size(), label + ": a connection string comes alone: " + refs.keySet());
    } else {
      long secrets = refs.keySet().stream().filter(k -> k.equals("storageKey") || k.equals("storageSasToken")).count();
      assertEquals(1, secrets, label + ": one and only one of storage key and SAS token: " + refs.keySet());
    }
  }

  @Test
  void anAzureBackupWithNoAccountAnywhereNeverReachesBarman() {
    Program program = CheckFixture.programWithSecretFiles(
        new Case("azure", "azure://pg-clean", "\"AZURE_STORAGE_ACCOUNT\", \"AZURE_STORAGE_SAS_TOKEN\"", "").text());
    String diagnostics = CheckFixture.render(program.diagnostics());
    assertTrue(program.hasErrors() && diagnostics.contains("error[backup-credentials]: the target `azure://pg-clean`"), diagnostics);
  }
}
