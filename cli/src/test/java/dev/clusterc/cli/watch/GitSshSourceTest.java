package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitSource} over SSH with a private key and strict host key checking, against a real SSH server on loopback. */
class GitSshSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  static Path dir;
  static GitServers servers;
  static GitSshServer ssh;
  static KeyPair clientKey;
  static GitServers.Repo repo;
  static String head;

  @BeforeAll
  static void start() {
    servers = GitServers.start(dir.resolve("servers"), "unused-token");
    clientKey = GitSshServer.newKey();
    ssh = GitSshServer.start(servers.repositories(), clientKey);
    repo = servers.repository("over-ssh");
    head = repo.commit(Map.of("envs/prod/app.cluster", "cluster prod {}\n"), "first");
  }

  @AfterAll
  static void stop() {
    ssh.close();
    servers.close();
  }

  @Test
  void theKeyAndAListedHostKeyFetchTheBranch() throws Exception {
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLine() + "\n");
    Path key = GitSshServer.writePrivateKey(clientKey, dir.resolve("id_ecdsa"));
    try (GitSource source = new GitSource(settings(Optional.of(key), knownHosts))) {
      Snapshot snapshot = source.next(WAIT).orElseThrow();
      assertEquals(head, snapshot.revision());
      assertEquals("cluster prod {}\n", Files.readString(snapshot.root().resolve("app.cluster")));
      String next = repo.commit(Map.of("envs/prod/app.cluster", "cluster prod { }\n"), "second");
      source.pollNow();
      assertEquals(next, source.next(WAIT).orElseThrow().revision());
      head = next;
    }
  }

  @Test
  void aHostKeyOtherThanTheListedOneIsRefused() throws Exception {
    Path knownHosts = Files.writeString(dir.resolve("known_hosts_other"),
        "[127.0.0.1]:" + ssh.port() + " " + PublicKeyEntry.toString(GitSshServer.newKey().getPublic()) + "\n");
    Path key = GitSshServer.writePrivateKey(clientKey, dir.resolve("id_ecdsa_2"));
    try (GitSource source = new GitSource(settings(Optional.of(key), knownHosts))) {
      SourceUnavailable refused = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertEquals("SSH host key refused: the host key of [127.0.0.1]:" + ssh.port() + " differs from the one in " + knownHosts,
          refused.getMessage());
    }
  }

  @Test
  void aHostNotListedIsRefused() throws Exception {
    Path knownHosts = Files.writeString(dir.resolve("known_hosts_empty"), "");
    Path key = GitSshServer.writePrivateKey(clientKey, dir.resolve("id_ecdsa_3"));
    try (GitSource source = new GitSource(settings(Optional.of(key), knownHosts))) {
      SourceUnavailable refused = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertTrue(refused.getMessage().startsWith("SSH host key refused: [127.0.0.1]:" + ssh.port() + " is not listed in "),
          refused.getMessage());
    }
  }

  @Test
  void aKeyTheServerDoesNotKnowIsAnAuthenticationFailure() throws Exception {
    Path knownHosts = Files.writeString(dir.resolve("known_hosts_4"), ssh.knownHostsLine() + "\n");
    Path stranger = GitSshServer.writePrivateKey(GitSshServer.newKey(), dir.resolve("id_stranger"));
    try (GitSource source = new GitSource(settings(Optional.of(stranger), knownHosts))) {
      SourceUnavailable refused = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertEquals("authentication failed at " + repo.sshUrl(ssh.port()) + ": the SSH key was refused", refused.getMessage());
    }
  }

  private static GitSettings settings(Optional<Path> key, Path knownHosts) throws Exception {
    return new GitSettings(repo.sshUrl(ssh.port()), "main", "envs/prod", Duration.ofHours(1), Optional.empty(), key,
        Optional.of(knownHosts), Files.createDirectories(dir.resolve("cache")));
  }
}
