package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lowered storage records: defaults from the schema, structured strings parsed once, spans of what was written. */
class StorageRecordsTest {
  private static final String CLUSTER = CheckFixture.BASE + """
      secret s3 { sops "s.yaml"; keys ["access-key-id", "secret-access-key"] }
      backup nightly { schedule "0 3 * * MON-FRI"; keep { weekly: 4, daily: 7 }; target "s3://b/p"; credentials s3 }
      backup broken { schedule "0 25 * * *"; target "nfs://nas/x" }
      volume plain { size 1Gi; backup none }
      volume pinned { size 2Gi; access rwx; local w1 at "/srv/p"; replicate to w2 via rsync; replicas 2; backup nightly; restore true }
      database pg { size 5Gi; backup nightly }
      database old { version 15; instances 2; size 5Gi; wal-archive 1h; backup none; namespace apps }
      store vault { via aws; config { region: "eu-west-1" } }
      """;

  private static final Program PROGRAM = CheckFixture.program(CLUSTER);

  private static Decl decl(Kind kind, String name) {
    return PROGRAM.decls(kind).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  private static Object schemaDefault(Kind kind, String key) {
    return Schemas.of(kind).property(key).orElseThrow().defaultValue();
  }

  @Test
  void aVolumeLeftToItsDefaultsHasTheSchemasDefaults() {
    Volume plain = Volume.of(PROGRAM.model(), decl(Kind.VOLUME, "plain"));
    assertEquals(schemaDefault(Kind.VOLUME, "access"), plain.access().name().toLowerCase());
    assertEquals(schemaDefault(Kind.VOLUME, "restore"), plain.restore());
    assertEquals("1Gi", plain.size().value().toString());
    assertNull(plain.local());
    assertNull(plain.replicas());
    assertTrue(plain.backupStated());
    assertNull(plain.backup());
  }

  @Test
  void aVolumeKeepsWhatWasWrittenAndWhere() {
    Volume pinned = Volume.of(PROGRAM.model(), decl(Kind.VOLUME, "pinned"));
    assertEquals(Volume.Access.RWX, pinned.access());
    assertEquals("w1", pinned.local().node().name());
    assertEquals("/srv/p", pinned.local().path());
    assertTrue(pinned.replica().rsync());
    assertTrue(pinned.replicated());
    assertEquals(2L, pinned.replicas().value());
    assertEquals("2", pinned.replicas().span().text());
    assertSame(decl(Kind.BACKUP, "nightly"), pinned.backup());
    assertTrue(pinned.restore());
  }

  @Test
  void aDatabaseLeftToItsDefaultsHasTheSchemasDefaultsAndSaysTheyWereNotWritten() {
    Database pg = Database.of(PROGRAM.model(), decl(Kind.DATABASE, "pg"));
    assertEquals(schemaDefault(Kind.DATABASE, "version"), pg.version().value());
    assertEquals(schemaDefault(Kind.DATABASE, "instances"), pg.instances().value());
    assertFalse(pg.version().isWritten());
    assertEquals(((java.time.Duration) schemaDefault(Kind.DATABASE, "wal-archive")).getSeconds(), pg.walArchive().seconds());
    assertEquals(schemaDefault(Kind.DATABASE, "namespace"), pg.namespace());
    Database old = Database.of(PROGRAM.model(), decl(Kind.DATABASE, "old"));
    assertEquals(15L, old.version().value());
    assertTrue(old.version().isWritten());
    assertEquals(3600, old.walArchive().seconds());
    assertEquals("apps", old.namespace());
  }

  @Test
  void aBackupParsesItsScheduleItsKeepAndItsTargetOnce() {
    Decl decl = decl(Kind.BACKUP, "nightly");
    Backup nightly = Backup.of(PROGRAM.model(), decl);
    assertSame(nightly, Backup.of(PROGRAM.model(), decl), "lowered once per analysis");
    assertEquals("0 3 * * 1-5", nightly.schedule().cron().normalized());
    assertEquals(List.of(Retention.Period.DAILY, Retention.Period.WEEKLY), List.copyOf(nightly.keep().counts().keySet()));
    assertEquals(0, nightly.keep().count(Retention.Period.HOURLY));
    assertTrue(nightly.keep().complete());
    assertEquals("s3", nightly.target().scheme());
    assertEquals("p", nightly.target().prefix());
    assertEquals(schemaDefault(Kind.BACKUP, "via"), nightly.via().name().toLowerCase());
    assertEquals("s3", nightly.credentials().secret());
  }

  @Test
  void aMalformedScheduleIsKeptWithWhyItIsMalformedAndAPolicyWithoutCredentialsSaysSo() {
    Backup broken = Backup.of(PROGRAM.model(), decl(Kind.BACKUP, "broken"));
    assertFalse(broken.schedule().valid());
    assertNotNull(broken.schedule().malformed().message());
    assertNull(broken.keep());
    assertTrue(broken.target().nfs());
    assertFalse(broken.hasCredentials());
  }

  @Test
  void aStoreKeepsItsProviderAndItsConfigAsPlainData() {
    Store vault = Store.of(PROGRAM.model(), decl(Kind.STORE, "vault"));
    assertEquals("aws", vault.via());
    assertEquals("eu-west-1", vault.config().get("region"));
  }
}
