package dev.clusterc.cli.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A directory on this machine as the source: the file system's change notifications over the whole
 * tree (directories that appear later are watched as they appear), debounced, and a new snapshot only
 * when the content's {@link DirectoryRevision} changed. The snapshot's root is the directory itself.
 *
 * <p>Editors that save by writing a temporary file and renaming it over the original are seen like
 * any other write: every event only marks the tree dirty, and the revision is taken from the files as
 * they are once the tree has been quiet for the debounce time. Files outside the directory that the
 * source refers to are not watched.
 */
public final class DirectorySource implements Source {
  /** How long the tree must stay quiet after a change before a snapshot is taken. */
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);

  /** When to look again at a directory that cannot be read. */
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final Path dir;
  private final Duration debounce;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<WatchKey, Path> watched = new HashMap<>();
  private WatchService watcher;
  /** The watch on the directory itself; invalid once the directory is removed. */
  private WatchKey rootKey;
  private Thread listener;
  private boolean started;
  private boolean closed;
  /** A change was seen and not yet taken into a revision. */
  private boolean dirty;
  /** When the last change was seen ({@link System#nanoTime()}). */
  private long lastChange;
  private String lastRevision;

  /** Watches {@code dir} with the {@linkplain #DEFAULT_DEBOUNCE default debounce}. */
  public DirectorySource(Path dir) {
    this(dir, DEFAULT_DEBOUNCE);
  }

  /** Watches {@code dir}; a change counts once no further change came for {@code debounce}. */
  public DirectorySource(Path dir, Duration debounce) {
    if (debounce.isNegative()) {
      throw new IllegalArgumentException("the debounce time must not be negative: " + debounce);
    }
    this.dir = dir.toAbsolutePath().normalize();
    this.debounce = debounce;
  }

  @Override
  public Optional<Snapshot> next(Duration timeout) throws InterruptedException, SourceUnavailable {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the source is closed");
      }
      if (!started) {
        start();
        return revisionChanged();
      }
      while (true) {
        long now = System.nanoTime();
        if (dirty && now - lastChange >= debounce.toNanos()) {
          dirty = false;
          Optional<Snapshot> snapshot = revisionChanged();
          if (snapshot.isPresent()) {
            return snapshot;
          }
          continue;
        }
        long wait = deadline - now;
        if (dirty) {
          wait = Math.min(wait, lastChange + debounce.toNanos() - now);
        }
        if (wait <= 0 || closed) {
          return Optional.empty();
        }
        changed.awaitNanos(wait);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Looks at the files at once (after the debounce time), whether or not a change was reported. */
  @Override
  public void pollNow() {
    lock.lock();
    try {
      markDirty();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reads the directory again: the revision of its files now must still be the snapshot's. If not, the
   * snapshot counts as never handed out, and the source looks again after the debounce time.
   */
  @Override
  public boolean unchanged(Snapshot snapshot) {
    boolean same;
    try {
      same = DirectoryRevision.of(snapshot.root()).equals(snapshot.revision());
    } catch (IOException e) {
      same = false;
    }
    if (!same) {
      lock.lock();
      try {
        // the snapshot was dropped: whatever is there next is handed out, even should it be this revision again
        if (snapshot.revision().equals(lastRevision)) {
          lastRevision = null;
        }
        markDirty();
      } finally {
        lock.unlock();
      }
    }
    return same;
  }

  @Override
  public String origin() {
    return dir.toString();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
      closeWatcher();
    } finally {
      lock.unlock();
    }
    if (listener != null) {
      listener.interrupt();
    }
  }

  private void closeWatcher() {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        // nothing left to release
      }
      watcher = null;
      watched.clear();
    }
  }

  /** Registers the tree (before reading it, so no change slips between) and starts listening. */
  private void start() throws SourceUnavailable {
    if (!Files.isDirectory(dir)) {
      throw new SourceUnavailable(dir + " is not a directory", RETRY, null);
    }
    try {
      watcher = dir.getFileSystem().newWatchService();
      registerTree(watcher, dir);
    } catch (IOException e) {
      closeWatcher();
      throw new SourceUnavailable("cannot watch " + dir + ": " + e.getMessage(), RETRY, e);
    }
    WatchService service = watcher;
    listener = new Thread(() -> listen(service), "clusterc-watch-" + dir.getFileName());
    listener.setDaemon(true);
    listener.start();
    started = true;
  }

  /**
   * The new snapshot if the content's revision differs from the last one handed out. When the directory
   * cannot be read (removed, say) the tree stays dirty, so it is looked at again, and watched anew once
   * it is back.
   */
  private Optional<Snapshot> revisionChanged() throws SourceUnavailable {
    String revision;
    try {
      if (rootKey != null && !rootKey.isValid() && watcher != null) {
        registerTree(watcher, dir);
      }
      revision = DirectoryRevision.of(dir);
    } catch (NoSuchFileException e) {
      markDirty();
      throw new SourceUnavailable(dir + " is gone", RETRY, e);
    } catch (IOException e) {
      markDirty();
      throw new SourceUnavailable("cannot read " + dir + ": " + e.getMessage(), RETRY, e);
    }
    if (revision.equals(lastRevision)) {
      return Optional.empty();
    }
    lastRevision = revision;
    return Optional.of(new Snapshot(dir, revision, origin()));
  }

  /** The listening thread: every event marks the tree dirty; new directories are watched too. */
  private void listen(WatchService service) {
    try {
      while (true) {
        WatchKey key = service.take();
        Path parent;
        lock.lock();
        try {
          parent = watched.get(key);
        } finally {
          lock.unlock();
        }
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == OVERFLOW) {
            registerTreeQuietly(service, dir);
          } else if (event.kind() == ENTRY_CREATE && parent != null) {
            Path created = parent.resolve((Path) event.context());
            if (Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS)
                && !DirectoryRevision.skippedDirectory(created.getFileName().toString())) {
              registerTreeQuietly(service, created);
            }
          }
        }
        if (!key.reset()) {
          lock.lock();
          try {
            watched.remove(key);
          } finally {
            lock.unlock();
          }
        }
        lock.lock();
        try {
          markDirty();
        } finally {
          lock.unlock();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  private void markDirty() {
    dirty = true;
    lastChange = System.nanoTime();
    changed.signalAll();
  }

  private void registerTreeQuietly(WatchService service, Path top) {
    try {
      registerTree(service, top);
    } catch (IOException | ClosedWatchServiceException e) {
      // gone again, or closing: the revision is read from whatever is there
    }
  }

  private void registerTree(WatchService service, Path top) throws IOException {
    WatchKey key;
    try {
      key = top.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
    } catch (NoSuchFileException gone) {
      return;
    }
    lock.lock();
    try {
      watched.put(key, top);
      if (top.equals(dir)) {
        rootKey = key;
      }
    } finally {
      lock.unlock();
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(top)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && !DirectoryRevision.skippedDirectory(entry.getFileName().toString())) {
          registerTree(service, entry);
        }
      }
    } catch (NoSuchFileException gone) {
      // removed while we registered it
    }
  }
}
