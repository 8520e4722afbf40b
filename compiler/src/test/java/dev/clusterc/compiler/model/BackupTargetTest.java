package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.schema.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A backup target in restic's and in Barman's notation. */
class BackupTargetTest {
  private static BackupTarget target(String target, String endpoint) {
    String text = CheckFixture.BASE + "secret c { sops \"c.yaml\"; keys [\"k\"] }\n"
        + "backup b { schedule \"0 3 * * *\"; keep { daily: 1 }; target \"" + target + "\""
        + (endpoint == null ? "" : "; endpoint \"" + endpoint + "\"") + "; credentials c }\n";
    // Only the policy's entries are read; whatever else the checker says does not matter here.
    var program = CheckFixture.program(text);
    return Backup.of(program.model(), program.decls(Kind.BACKUP).get(0)).target();
  }

  /** The restic repository of volume {@code vol}, Barman's destination and endpoint, the Azure account and suffix. */
  private static List<String> read(String target, String endpoint) {
    BackupTarget t = target(target, endpoint);
    return Arrays.asList(t.resticRepository("vol"), t.barmanDestinationPath(), t.barmanEndpoint(), t.azureAccount(),
        t.azureEndpointSuffix());
  }

  @Test
  void s3OnAwsAndOnAnS3CompatibleService() {
    assertEquals(Arrays.asList("s3:s3.amazonaws.com/bucket/vol", "s3://bucket", null, null, null), read("s3://bucket", null));
    assertEquals(Arrays.asList("s3:http://minio:9000/bucket/a/b/vol", "s3://bucket/a/b", "http://minio:9000", null, null),
        read("s3://bucket/a/b/", "http://minio:9000/"));
  }

  @Test
  void azureWithTheAccountInTheTarget() {
    assertEquals(Arrays.asList("azure:c:/p/vol", "https://acct.blob.core.windows.net/c/p", null, "acct", null),
        read("azure://acct.blob.core.windows.net/c/p", null));
    assertEquals(Arrays.asList("azure:c:/vol", "https://acct.blob.core.chinacloudapi.cn/c", null, "acct", "core.chinacloudapi.cn"),
        read("azure://acct.blob.core.chinacloudapi.cn/c", null));
  }

  @Test
  void azureWithTheAccountInTheEndpointOrNowhere() {
    assertEquals(Arrays.asList("azure:c:/p.v1/vol", "https://acct.blob.core.windows.net/c/p.v1", null, "acct", null),
        read("azure://c/p.v1", "https://acct.blob.core.windows.net/"));
    assertEquals(Arrays.asList("azure:c:/p/vol", "azure://c/p", null, null, null), read("azure://c/p", null));
  }

  @Test
  void googleCloudStorage() {
    assertEquals(Arrays.asList("gs:b:/p/vol", "gs://b/p", null, null, null), read("gs://b/p", null));
  }

  @Test
  void nfsIsAServerAndAnExportedDirectory() {
    BackupTarget colon = target("nfs://192.168.1.21:/mnt/hpool/backups", null);
    assertEquals(List.of("192.168.1.21", "/mnt/hpool/backups", "/mnt/restic-nfs/vol"),
        List.of(colon.bucket(), colon.prefix(), colon.resticRepository("vol")));
    BackupTarget plain = target("nfs://nas/export/", null);
    assertEquals(List.of("nas", "/export"), List.of(plain.bucket(), plain.prefix()));
  }
}
