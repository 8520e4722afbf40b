package dev.clusterc.cli.watch;

import dev.clusterc.runtime.watch.RetryBackOff;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;

/**
 * A branch of a Git repository as the source: fetched every {@link GitSettings#interval()} and soon
 * on {@link #pollNow()}, into a local bare clone kept under the cache directory (one per URL and
 * branch). Each new commit is checked out into a directory of its own ({@link CommitCheckouts}), so
 * the snapshot handed out before stays as it was; the snapshot's root is the checkout's
 * {@link GitSettings#path()}, its revision the full commit id.
 *
 * <p>A fetch that fails (remote unreachable, credentials or host key refused, no such branch) is
 * reported as {@link SourceUnavailable} with one line of reason, and the next try backs off: the
 * interval, doubling after each failure up to five minutes (or the interval, if longer), back to the
 * interval after a success. A poll fetches also during that back-off (someone says the remote changed),
 * and polls come together: one fetch at most every {@link #POLL_GAP}, however many arrive (a storm of push webhooks is one fetch). A commit
 * without the path is reported once, and the source waits for the next commit.
 *
 * <p>The URL is shown ({@link #origin()}, reasons) without its user information: on http(s) the user
 * name may be the token itself ({@code https://TOKEN@host/…}).
 * {@link #next} is meant for one caller thread; {@link #pollNow()} for any.
 */
public final class GitSource implements Source {
  /** The longest wait between two tries after failures (unless the interval is longer). */
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /** The shortest time between the start of one fetch and a fetch asked for by a poll. */
  public static final Duration POLL_GAP = Duration.ofSeconds(3);

  /** How long one fetch may wait for the remote. */
  static final int FETCH_TIMEOUT_SECONDS = 30;

  private final GitSettings settings;
  private final GitCredentials credentials;
  private final String url;
  private final String origin;
  /** The cache directory for this URL and branch; a source in use takes it by a lock ({@link #claimHome}). */
  private final Path preferredHome;
  private Path home;
  private FileChannel homeLock;
  private CommitCheckouts checkouts;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition poked = lock.newCondition();
  private boolean pollRequested;
  private boolean closed;
  private Repository repository;
  /** When the next fetch is due ({@link System#nanoTime()}); the first is due at once. */
  private long nextFetch = System.nanoTime();
  /** When the last fetch began ({@link System#nanoTime()}). */
  private long lastFetch = System.nanoTime();
  private int failures;
  /** {@link #POLL_GAP}; tests shorten or lengthen it. */
  volatile Duration pollGap = POLL_GAP;
  /** Fetches tried so far, for tests. */
  final AtomicInteger fetches = new AtomicInteger();
  /** New commits fetched into the clone since it was made; each brings a pack of its own. */
  private int commitsSinceClone;
  /** After this many, the clone is dropped and fetched anew (depth 1: cheap), instead of collecting garbage. */
  int freshCloneAfter = 100;
  private ObjectId handedOut;
  private ObjectId previous;
  private ObjectId rejected;

  public GitSource(GitSettings settings) {
    this(settings, System::getenv);
  }

  /** With the environment given, for the token variable. */
  GitSource(GitSettings settings, Function<String, String> environment) {
    this.settings = settings;
    this.credentials = new GitCredentials(settings, environment);
    this.url = shown(settings.url());
    this.origin = url + "@" + settings.branch() + (settings.path().isEmpty() ? "" : "/" + settings.path());
    this.preferredHome = settings.cacheDir().resolve(cacheName(settings.url(), settings.branch()));
  }

  @Override
  public Optional<Snapshot> next(Duration timeout) throws InterruptedException, SourceUnavailable {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      lock.lock();
      try {
        while (true) {
          if (closed) {
            return Optional.empty();
          }
          long now = System.nanoTime();
          long due = due();
          if (now - due >= 0) {
            break;
          }
          long wait = Math.min(deadline - now, due - now);
          if (wait <= 0) {
            return Optional.empty();
          }
          poked.awaitNanos(wait);
        }
        pollRequested = false;
      } finally {
        lock.unlock();
      }
      Optional<Snapshot> snapshot = fetch();
      if (snapshot.isPresent() || System.nanoTime() - deadline >= 0) {
        return snapshot;
      }
    }
  }

  /**
   * When the next fetch may begin: when the interval (or the back-off) is up; after a poll sooner, a
   * {@link #pollGap} after the last fetch began, also while failures back off (a poll is someone saying
   * the remote changed, say a push webhook once it is back; the gap keeps a storm of them to one fetch
   * every few seconds). Under {@link #lock}.
   */
  private long due() {
    if (!pollRequested) {
      return nextFetch;
    }
    long byPoll = lastFetch + pollGap.toNanos();
    return byPoll - nextFetch < 0 ? byPoll : nextFetch;
  }

  /** Asks for a fetch soon: at once, or a {@link #POLL_GAP} after the last began. */
  @Override
  public void pollNow() {
    lock.lock();
    try {
      pollRequested = true;
      poked.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      poked.signalAll();
    } finally {
      lock.unlock();
    }
    synchronized (this) {
      if (repository != null) {
        repository.close();
        repository = null;
      }
      if (homeLock != null) {
        try {
          homeLock.close();
        } catch (IOException e) {
          // the lock goes with the process anyway
        }
        homeLock = null;
      }
    }
    credentials.close();
  }

  /**
   * One fetch; the new snapshot if the branch moved to a commit not handed out yet. None once closed
   * (a fetch that lost the race with {@link #close()} opens nothing again). Package-private for tests.
   */
  synchronized Optional<Snapshot> fetch() throws SourceUnavailable {
    lock.lock();
    try {
      if (closed) {
        return Optional.empty(); // closed since next() looked: no repository opened again, no home lock taken
      }
    } finally {
      lock.unlock();
    }
    lastFetch = System.nanoTime();
    fetches.incrementAndGet();
    ObjectId head;
    try {
      head = fetchHead();
    } catch (SourceUnavailable e) {
      throw backOff(e.getMessage(), e.getCause());
    } catch (IOException | GitAPIException | RuntimeException e) {
      throw backOff(GitFailure.reason(e, url, settings.branch(), credentials), null);
    }
    failures = 0;
    nextFetch = System.nanoTime() + settings.interval().toNanos();
    if (head.equals(handedOut) || head.equals(rejected)) {
      return Optional.empty();
    }
    try {
      if (!CommitCheckouts.hasDirectory(repository, head, settings.path())) {
        rejected = head;
        throw new SourceUnavailable("the path '" + settings.path() + "' is not a directory at commit " + head.name()
            + " of " + url + "@" + settings.branch(), settings.interval(), null);
      }
      Path checkout = checkouts.checkout(repository, head);
      previous = handedOut;
      handedOut = head;
      Set<String> keep = new LinkedHashSet<>();
      keep.add(head.name());
      if (previous != null) {
        keep.add(previous.name());
      }
      checkouts.keepOnly(keep);
      if (++commitsSinceClone >= freshCloneAfter) {
        dropClone();
      }
      Path root = settings.path().isEmpty() ? checkout : checkout.resolve(settings.path());
      return Optional.of(new Snapshot(root, head.name(), origin));
    } catch (IOException e) {
      throw new SourceUnavailable("cannot check out commit " + head.name() + " of " + origin + ": " + e.getMessage(),
          settings.interval(), e);
    }
  }

  /** Fetches the branch into the local clone; its commit. */
  private ObjectId fetchHead() throws IOException, GitAPIException, SourceUnavailable {
    Repository repo = repository();
    String branchRef = "refs/heads/" + settings.branch();
    String tracking = "refs/remotes/origin/" + settings.branch();
    FetchCommand fetch = Git.wrap(repo).fetch()
        .setRemote(settings.url())
        .setRefSpecs(new RefSpec("+" + branchRef + ":" + tracking))
        .setDepth(1)
        .setTimeout(FETCH_TIMEOUT_SECONDS);
    credentials.configure(fetch);
    FetchResult result = fetch.call();
    Ref advertised = result.getAdvertisedRef(branchRef);
    if (advertised == null || advertised.getObjectId() == null) {
      throw new SourceUnavailable("branch " + settings.branch() + " does not exist at " + url, null, null);
    }
    return advertised.getObjectId();
  }

  /** The local bare clone, made on first use (and made anew if it cannot be opened). */
  private Repository repository() throws IOException, GitAPIException {
    if (repository != null) {
      return repository;
    }
    if (home == null) {
      home = claimHome();
      checkouts = new CommitCheckouts(home.resolve("commits"));
    }
    Path dir = home.resolve("repo.git");
    if (Files.isDirectory(dir)) {
      try {
        Repository existing = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        existing.getObjectDatabase();
        repository = existing;
        return repository;
      } catch (IOException | RuntimeException broken) {
        CommitCheckouts.deleteTree(dir);
      }
    }
    Files.createDirectories(home);
    try (Git git = Git.init().setBare(true).setGitDir(dir.toFile()).setInitialBranch(settings.branch()).call()) {
      repository = git.getRepository();
    }
    return repository;
  }

  /** Deletes the local clone; the next fetch makes it anew. The checkouts stay. */
  private void dropClone() throws IOException {
    repository.close();
    repository = null;
    commitsSinceClone = 0;
    CommitCheckouts.deleteTree(home.resolve("repo.git"));
  }

  /**
   * The cache directory for this URL and branch, locked for this source: the usual one, or if another
   * source (in this process or another) holds it, the first free {@code <name>-<n>} beside it, so that
   * two reconcilers on one machine never fetch into, or clean up, each other's clone.
   */
  private Path claimHome() throws IOException {
    for (int n = 0; ; n++) {
      Path candidate = n == 0 ? preferredHome : preferredHome.resolveSibling(preferredHome.getFileName() + "-" + n);
      Files.createDirectories(candidate);
      FileChannel channel = FileChannel.open(candidate.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        if (channel.tryLock() != null) {
          homeLock = channel;
          return candidate;
        }
      } catch (OverlappingFileLockException heldHere) {
        // another source in this process has it
      }
      channel.close();
    }
  }

  private SourceUnavailable backOff(String reason, Throwable cause) {
    failures++;
    Duration retryIn = retryAfter(failures, settings.interval());
    nextFetch = System.nanoTime() + retryIn.toNanos();
    return new SourceUnavailable(credentials.redact(reason), retryIn, cause == null ? null : new IOException(credentials.redact(
        String.valueOf(cause.getMessage()))));
  }

  /** The wait after {@code failures} failures in a row: the interval, doubling, up to the cap. */
  static Duration retryAfter(int failures, Duration interval) {
    return RetryBackOff.delay(interval, failures, MAX_BACKOFF);
  }


  /** The cache directory's name for one URL and branch: the start of their SHA-256. */
  static String cacheName(String url, String branch) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((url + "\n" + branch).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * {@code url} as it may be shown: an http(s) URL without any user information (its user name may be
   * a token), any other without its password (an SSH user name, as {@code git@}, is no secret).
   */
  static String shown(String url) {
    try {
      URIish uri = new URIish(url);
      if (GitCredentials.transportOf(url) == GitCredentials.Transport.HTTP) {
        return uri.getUser() == null && uri.getPass() == null ? url : uri.setUser(null).setPass(null).toString();
      }
      return uri.getPass() == null ? url : uri.setPass(null).toString();
    } catch (URISyntaxException e) {
      return url;
    }
  }
}
