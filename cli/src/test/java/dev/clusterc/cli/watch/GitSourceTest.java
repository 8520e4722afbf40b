package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitSource} against real Git servers: {@code file://}, JGit's daemon ({@code git://}) and smart HTTP with a token. */
class GitSourceTest {
  private static final String TOKEN = "s3cr3t-token-0123456789";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final AtomicInteger REPOS = new AtomicInteger();

  @TempDir
  static Path dir;
  static GitServers servers;

  @BeforeAll
  static void startServers() {
    servers = GitServers.start(dir.resolve("servers"), TOKEN);
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  @Test
  void theFirstLookReturnsTheBranchHeadWithThePathAsRoot() throws Exception {
    GitServers.Repo repo = newRepo();
    String head = repo.commit(Map.of("envs/prod/app.cluster", "cluster prod {}\n", "README.md", "hello\n"), "first");
    try (GitSource source = new GitSource(settings(repo.fileUrl(), "envs/prod", HOUR))) {
      Snapshot snapshot = source.next(WAIT).orElseThrow();
      assertEquals(head, snapshot.revision());
      assertEquals("cluster prod {}\n", Files.readString(snapshot.root().resolve("app.cluster")));
      assertTrue(Files.isRegularFile(snapshot.root().resolve("../../README.md")), "the whole commit is checked out");
      assertEquals(repo.fileUrl() + "@main/envs/prod", snapshot.origin());
      assertEquals(snapshot.origin(), source.origin());
      assertEquals(Optional.empty(), source.next(Duration.ofMillis(100)), "nothing new");
    }
  }

  /** A fetch that starts after close (it lost the race with it) neither fetches nor opens the cache again. */
  @Test
  void aFetchAfterCloseDoesNothing() throws Exception {
    GitServers.Repo repo = newRepo();
    repo.commit(Map.of("app.cluster", "one\n"), "one");
    GitSource source = new GitSource(settings(repo.fileUrl(), "", HOUR));
    source.close();
    assertEquals(Optional.empty(), source.fetch());
    assertEquals(0, source.fetches.get(), "no fetch after close");
  }

  @Test
  void aPushedCommitIsSeenAtOnceOnPollNowAndTheSnapshotBeforeStaysAsItWas() throws Exception {
    GitServers.Repo repo = newRepo();
    String first = repo.commit(Map.of("app.cluster", "one\n"), "one");
    try (GitSource source = new GitSource(settings(repo.gitUrl(), "", HOUR))) {
      Snapshot one = source.next(WAIT).orElseThrow();
      assertEquals(first, one.revision());

      String second = repo.commit(Map.of("app.cluster", "two\n", "more.cluster", "more\n"), "two");
      assertEquals(Optional.empty(), source.next(Duration.ofMillis(300)), "no fetch before the interval unless asked");
      source.pollNow();
      Snapshot two = source.next(WAIT).orElseThrow();
      assertEquals(second, two.revision());
      assertEquals("two\n", Files.readString(two.root().resolve("app.cluster")));
      assertEquals("one\n", Files.readString(one.root().resolve("app.cluster")), "the snapshot handed out before is untouched");
      assertFalse(Files.exists(one.root().resolve("more.cluster")));

      String third = repo.commit(Map.of("app.cluster", "three\n"), "three");
      source.pollNow();
      Snapshot three = source.next(WAIT).orElseThrow();
      assertEquals(third, three.revision());
      assertFalse(Files.exists(one.root()), "only the last two checkouts are kept");
      assertEquals("two\n", Files.readString(two.root().resolve("app.cluster")));
      Path clone = dir.resolve("cache").resolve(GitSource.cacheName(repo.gitUrl(), "main")).resolve("repo.git");
      assertTrue(Files.isRegularFile(clone.resolve("shallow")), "fetched with depth 1");
    }
  }

  @Test
  void smartHttpWithTheTokenFromAFile() throws Exception {
    GitServers.Repo repo = newRepo();
    String head = repo.commit(Map.of("app.cluster", "x\n"), "x");
    Path tokenFile = Files.writeString(dir.resolve("token-" + REPOS.incrementAndGet()), TOKEN + "\n");
    GitSettings settings = settings(repo.httpUrl(), "", HOUR, Optional.of(tokenFile));
    try (GitSource source = new GitSource(settings, name -> null)) {
      assertEquals(head, source.next(WAIT).orElseThrow().revision());
    }
    assertTrue(servers.httpUsers().contains(GitCredentials.TOKEN_USER), servers.httpUsers().toString());
  }

  @Test
  void theTokenFromTheEnvironmentWhenNoFileIsGivenAndTheFileWinsOverIt() throws Exception {
    GitServers.Repo repo = newRepo();
    String head = repo.commit(Map.of("app.cluster", "x\n"), "x");
    try (GitSource source = new GitSource(settings(repo.httpUrl(), "", HOUR), env(TOKEN))) {
      assertEquals(head, source.next(WAIT).orElseThrow().revision());
    }
    Path wrongFile = Files.writeString(dir.resolve("wrong-token-" + REPOS.incrementAndGet()), "wrong");
    try (GitSource source = new GitSource(settings(repo.httpUrl(), "", HOUR, Optional.of(wrongFile)), env(TOKEN))) {
      SourceUnavailable refused = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertTrue(refused.getMessage().contains("authentication"), refused.getMessage());
    }
  }

  @Test
  void aWrongTokenIsAnAuthenticationFailureThatDoesNotShowTheToken() throws Exception {
    GitServers.Repo repo = newRepo();
    repo.commit(Map.of("app.cluster", "x\n"), "x");
    String wrong = "wrong-token-9876543210";
    try (GitSource source = new GitSource(settings(repo.httpUrl(), "", HOUR), env(wrong))) {
      SourceUnavailable refused = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertTrue(refused.getMessage().startsWith("authentication failed at " + repo.httpUrl()), refused.getMessage());
      assertTrue(refused.getMessage().contains("token was refused"), refused.getMessage());
      assertNoSecret(refused, wrong);
      assertNoSecret(refused, TOKEN);
      assertEquals(HOUR, refused.retryIn());
    }
    try (GitSource source = new GitSource(settings(repo.httpUrl(), "", HOUR), name -> null)) {
      SourceUnavailable refused = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertTrue(refused.getMessage().contains("no token given"), refused.getMessage());
    }
  }

  @Test
  void aStoppedServerBacksOffKeepsTheLastSnapshotAndTheNextCommitIsSeenWhenItIsBack() throws Exception {
    GitServers.Repo repo = newRepo();
    String first = repo.commit(Map.of("app.cluster", "one\n"), "one");
    Duration interval = Duration.ofMillis(300);
    try (GitSource source = new GitSource(settings(repo.gitUrl(), "", interval))) {
      Snapshot one = source.next(WAIT).orElseThrow();
      assertEquals(first, one.revision());
      servers.stopDaemon();
      try {
        Duration[] expected = {interval, interval.multipliedBy(2), interval.multipliedBy(4)};
        for (Duration retryIn : expected) {
          SourceUnavailable down = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
          assertTrue(down.getMessage().startsWith("cannot reach " + repo.gitUrl()), down.getMessage());
          assertEquals(retryIn, down.retryIn());
        }
        assertEquals("one\n", Files.readString(one.root().resolve("app.cluster")), "the last snapshot stays");
      } finally {
        servers.startDaemon();
      }
      String second = repo.commit(Map.of("app.cluster", "two\n"), "two");
      source.pollNow();
      Snapshot two = source.next(WAIT).orElseThrow();
      assertEquals(second, two.revision());
      assertEquals("one\n", Files.readString(one.root().resolve("app.cluster")));
    }
  }

  @Test
  void aStoppedHttpServerIsUnreachableAndTheSourceComesBackWithIt() throws Exception {
    GitServers.Repo repo = newRepo();
    String first = repo.commit(Map.of("app.cluster", "one\n"), "one");
    try (GitSource source = new GitSource(settings(repo.httpUrl(), "", Duration.ofSeconds(1)), env(TOKEN))) {
      assertEquals(first, source.next(WAIT).orElseThrow().revision());
      servers.stopHttp();
      try {
        source.pollNow();
        SourceUnavailable down = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
        assertEquals("cannot reach " + repo.httpUrl() + ": connection refused", down.getMessage());
        assertNoSecret(down, TOKEN);
      } finally {
        servers.startHttp();
      }
      String second = repo.commit(Map.of("app.cluster", "two\n"), "two");
      source.pollNow();
      assertEquals(second, source.next(WAIT).orElseThrow().revision());
    }
  }

  @Test
  void aCommitWithoutThePathIsReportedOnceAndTheNextGoodCommitIsTaken() throws Exception {
    GitServers.Repo repo = newRepo();
    String bad = repo.commit(Map.of("elsewhere/app.cluster", "x\n"), "wrong place");
    try (GitSource source = new GitSource(settings(repo.fileUrl(), "envs/prod", HOUR))) {
      SourceUnavailable missing = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertEquals("the path 'envs/prod' is not a directory at commit " + bad + " of " + repo.fileUrl() + "@main",
          missing.getMessage());
      source.pollNow();
      assertEquals(Optional.empty(), source.next(Duration.ofSeconds(1)), "the same commit is not reported again");
      String good = repo.commit(Map.of("envs/prod/app.cluster", "x\n"), "right place");
      source.pollNow();
      assertEquals(good, source.next(WAIT).orElseThrow().revision());
    }
  }

  @Test
  void aMissingBranchIsSaidSo() throws Exception {
    GitServers.Repo repo = newRepo();
    repo.commit(Map.of("app.cluster", "x\n"), "x");
    GitSettings settings = new GitSettings(repo.gitUrl(), "nope", "", HOUR, Optional.empty(), Optional.empty(),
        Optional.empty(), dir.resolve("cache"));
    try (GitSource source = new GitSource(settings)) {
      SourceUnavailable missing = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertEquals("branch nope does not exist at " + repo.gitUrl(), missing.getMessage());
    }
  }

  @Test
  void aRepositoryThatIsNotThereIsSaidSo() throws Exception {
    String[] urls = {servers.repository("present").gitUrl().replace("present", "absent"),
        dir.resolve("no-such-repo.git").toUri().toString()};
    for (String url : urls) {
      try (GitSource source = new GitSource(settings(url, "", HOUR))) {
        SourceUnavailable missing = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
        assertEquals("no Git repository at " + url, missing.getMessage());
      }
    }
  }

  @Test
  void aRestartReusesTheCacheAndHandsOutTheHeadAgain() throws Exception {
    GitServers.Repo repo = newRepo();
    String head = repo.commit(Map.of("app.cluster", "x\n"), "x");
    GitSettings settings = settings(repo.fileUrl(), "", HOUR);
    Path firstRoot;
    try (GitSource source = new GitSource(settings)) {
      firstRoot = source.next(WAIT).orElseThrow().root();
    }
    try (GitSource source = new GitSource(settings)) {
      Snapshot again = source.next(WAIT).orElseThrow();
      assertEquals(head, again.revision());
      assertEquals(firstRoot, again.root());
    }
  }

  @Test
  void twoSourcesOnOneCacheKeepApart() throws Exception {
    GitServers.Repo repo = newRepo();
    String first = repo.commit(Map.of("app.cluster", "one\n"), "one");
    GitSettings settings = settings(repo.fileUrl(), "", HOUR);
    try (GitSource a = new GitSource(settings); GitSource b = new GitSource(settings)) {
      Snapshot fromA = a.next(WAIT).orElseThrow();
      Snapshot fromB = b.next(WAIT).orElseThrow();
      assertEquals(first, fromA.revision());
      assertEquals(first, fromB.revision());
      assertNotEquals(fromA.root(), fromB.root(), "each source has a clone of its own while both run");
      for (int i = 0; i < 2; i++) {
        repo.commit(Map.of("app.cluster", "change " + i + "\n"), "change " + i);
        b.pollNow();
        b.next(WAIT).orElseThrow();
      }
      assertEquals("one\n", Files.readString(fromA.root().resolve("app.cluster")), "b's clean-up leaves a's checkouts alone");
    }
  }

  @Test
  void theCloneIsMadeAnewNowAndThenSoPacksDoNotPileUp() throws Exception {
    GitServers.Repo repo = newRepo();
    repo.commit(Map.of("app.cluster", "0\n"), "0");
    try (GitSource source = new GitSource(settings(repo.gitUrl(), "", HOUR))) {
      source.freshCloneAfter = 2;
      source.pollGap = Duration.ZERO;
      Snapshot last = source.next(WAIT).orElseThrow();
      for (int i = 1; i <= 4; i++) {
        String commit = repo.commit(Map.of("app.cluster", i + "\n"), String.valueOf(i));
        source.pollNow();
        Snapshot next = source.next(WAIT).orElseThrow();
        assertEquals(commit, next.revision());
        assertEquals(i + "\n", Files.readString(next.root().resolve("app.cluster")));
        assertEquals(i - 1 + "\n", Files.readString(last.root().resolve("app.cluster")), "the snapshot before stays");
        last = next;
      }
      source.pollNow();
      assertEquals(Optional.empty(), source.next(Duration.ofMillis(500)), "a fresh clone does not hand out the same commit again");
      Path packs = dir.resolve("cache").resolve(GitSource.cacheName(repo.gitUrl(), "main")).resolve("repo.git/objects/pack");
      try (var files = Files.list(packs)) {
        assertEquals(1, files.filter(file -> file.toString().endsWith(".pack")).count(), "one pack in the fresh clone");
      }
    }
  }

  @Test
  void manyPollsMakeOneFetchAtMostEveryPollGap() throws Exception {
    GitServers.Repo repo = newRepo();
    String first = repo.commit(Map.of("app.cluster", "one\n"), "one");
    try (GitSource source = new GitSource(settings(repo.fileUrl(), "", HOUR))) {
      source.pollGap = HOUR;
      assertEquals(first, source.next(WAIT).orElseThrow().revision());
      String second = repo.commit(Map.of("app.cluster", "two\n"), "two");
      for (int i = 0; i < 20; i++) {
        source.pollNow();
      }
      assertEquals(Optional.empty(), source.next(Duration.ofMillis(500)), "no fetch within the poll gap");
      assertEquals(1, source.fetches.get());
      source.pollGap = Duration.ofMillis(100);
      source.pollNow();
      assertEquals(second, source.next(WAIT).orElseThrow().revision());
      assertEquals(2, source.fetches.get(), "twenty polls and one more: one fetch");
    }
  }

  @Test
  void pollsWhileFailuresBackOffFetchAtMostOncePerGap() throws Exception {
    GitServers.Repo repo = newRepo();
    repo.commit(Map.of("app.cluster", "one\n"), "one");
    try (GitSource source = new GitSource(settings(repo.gitUrl(), "", HOUR))) {
      source.pollGap = Duration.ofSeconds(30);
      source.next(WAIT).orElseThrow();
      servers.stopDaemon();
      try {
        source.pollGap = Duration.ZERO;
        source.pollNow();
        SourceUnavailable down = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
        assertEquals(HOUR, down.retryIn());
        assertEquals(2, source.fetches.get());
        source.pollGap = Duration.ofSeconds(30);
        for (int i = 0; i < 5; i++) {
          source.pollNow();
        }
        assertEquals(Optional.empty(), source.next(Duration.ofMillis(500)), "within the gap, polls wait");
        assertEquals(2, source.fetches.get(), "no fetch within the gap, however often polled");
      } finally {
        servers.startDaemon();
      }
      String two = repo.commit(Map.of("app.cluster", "two\n"), "two");
      source.pollGap = Duration.ZERO;
      source.pollNow();
      assertEquals(two, source.next(WAIT).orElseThrow().revision(), "a poll once the remote is back fetches, back-off or not");
    }
  }

  @Test
  void aTokenGivenAsTheUrlsUserNameIsShownNowhere() throws Exception {
    GitServers.Repo repo = newRepo();
    repo.commit(Map.of("app.cluster", "x\n"), "x");
    String user = "ghp_userToken0123456789";
    String url = repo.httpUrl().replace("http://", "http://" + user + "@");
    try (GitSource source = new GitSource(settings(url, "", HOUR), env("wrong-token-9876543210"))) {
      assertEquals(repo.httpUrl() + "@main", source.origin());
      SourceUnavailable refused = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertTrue(refused.getMessage().startsWith("authentication failed at " + repo.httpUrl()), refused.getMessage());
      assertNoSecret(refused, user);
      assertNoSecret(refused, "ghp_");
    }
    String withPassword = repo.httpUrl().replace("http://", "http://" + user + ":pass-word-123@");
    try (GitSource source = new GitSource(settings(withPassword, "", HOUR), name -> null)) {
      assertEquals(repo.httpUrl() + "@main", source.origin());
      servers.stopHttp();
      try {
        SourceUnavailable down = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
        assertEquals("cannot reach " + repo.httpUrl() + ": connection refused", down.getMessage());
        assertNoSecret(down, user);
        assertNoSecret(down, "pass-word-123");
      } finally {
        servers.startHttp();
      }
    }
  }

  @Test
  void redactionDropsTheUserInformationOfHttpUrlsAndKeepsAnSshUser() {
    GitSettings https = settings("https://ghp_abcdefgh12345678@github.com/o/r", "", HOUR);
    try (GitCredentials credentials = new GitCredentials(https, name -> null)) {
      String redacted = credentials.redact("https://ghp_abcdefgh12345678@github.com/o/r: not authorized for ghp_abcdefgh12345678");
      assertEquals("https://github.com/o/r: not authorized for ***", redacted);
    }
    assertEquals("https://github.com/o/r", GitSource.shown("https://ghp_abcdefgh12345678@github.com/o/r"));
    assertEquals("https://github.com/o/r", GitSource.shown("https://oauth2:glpat-secret@github.com/o/r"));
    assertEquals("ssh://git@github.com/o/r", GitSource.shown("ssh://git@github.com/o/r"));
  }

  @Test
  void theBackOffDoublesUpToFiveMinutes() {
    Duration minute = Duration.ofMinutes(1);
    assertEquals(minute, GitSource.retryAfter(1, minute));
    assertEquals(Duration.ofMinutes(2), GitSource.retryAfter(2, minute));
    assertEquals(Duration.ofMinutes(4), GitSource.retryAfter(3, minute));
    assertEquals(Duration.ofMinutes(5), GitSource.retryAfter(4, minute));
    assertEquals(Duration.ofMinutes(5), GitSource.retryAfter(40, minute));
    assertEquals(Duration.ofMinutes(10), GitSource.retryAfter(3, Duration.ofMinutes(10)), "never below the interval");
  }

  @Test
  void badSettingsAreClearErrors() {
    IllegalArgumentException leaves = assertThrows(IllegalArgumentException.class, () -> settings("file:///x", "../up", HOUR));
    assertEquals("the path inside the repository leaves it: '../up'", leaves.getMessage());
    IllegalArgumentException absolute = assertThrows(IllegalArgumentException.class, () -> settings("file:///x", "/abs", HOUR));
    assertTrue(absolute.getMessage().contains("must be relative"), absolute.getMessage());
    assertEquals("envs/prod", settings("file:///x", "./envs//prod/", HOUR).path());
    assertEquals("", settings("file:///x", ".", HOUR).path());
  }

  private static void assertNoSecret(Throwable failure, String secret) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(secret), "a message shows the token: " + t.getMessage());
    }
  }

  private static java.util.function.Function<String, String> env(String token) {
    return name -> name.equals(GitSettings.TOKEN_VARIABLE) ? token : null;
  }

  private static GitServers.Repo newRepo() {
    return servers.repository("repo" + REPOS.incrementAndGet());
  }

  static GitSettings settings(String url, String path, Duration interval) {
    return settings(url, path, interval, Optional.empty());
  }

  private static GitSettings settings(String url, String path, Duration interval, Optional<Path> tokenFile) {
    try {
      return new GitSettings(url, "main", path, interval, tokenFile, Optional.empty(), Optional.empty(),
          Files.createDirectories(dir.resolve("cache")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
