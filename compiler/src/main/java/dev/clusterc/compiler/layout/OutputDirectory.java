package dev.clusterc.compiler.layout;

import dev.clusterc.compiler.emit.core.FileNames;
import dev.clusterc.compiler.rules.TreePath;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Puts a new tree into a directory that may hold other people's files ({@code flux-system/} from
 * {@code flux bootstrap}, a README): only the files an earlier compile recorded in
 * {@code .clusterc-owned} are replaced or deleted. The new tree is first written whole into the
 * one staging directory {@code .clusterc-staging/} inside the target and checked against what is
 * there; a complete staging holds the new record, which is the journal: moving the files into
 * place, deleting the old ones that are gone, and renaming the record over the old one can be
 * done again by the next run if this one is killed. An incomplete staging (killed while writing)
 * is discarded by the next run, leaving the previous tree as it was.
 */
public final class OutputDirectory {
  /** The record of the files compile owns, in the target. */
  public static final String RECORD = FileNames.RESERVED_PREFIX + "owned";
  /** The staging directory, in the target; its fixed name lets the next run find what a killed one left. */
  public static final String STAGING = FileNames.RESERVED_PREFIX + "staging";
  static final String STAGED_TREE = "tree";
  /** The new record inside the staging directory; it is written last, so it marks the staging complete. */
  static final String STAGED_RECORD = "owned";

  /** Writes a tree into the empty directory it is given. */
  @FunctionalInterface
  public interface Writer {
    void write(Path dir) throws IOException;
  }

  private OutputDirectory() {}

  /** Stages, checks and installs in one go. */
  public static void replace(Path target, Writer writer) throws IOException {
    prepare(target, writer).install();
  }

  /**
   * Refuses a target that cannot hold a tree — the target or one of its parents is a file, or lies
   * inside a Git directory ({@code -o repo/.git}), which compile must never touch — before anything
   * is written anywhere.
   */
  public static void check(Path target) throws OutputRefusedException {
    Path dir = target.toAbsolutePath().normalize();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (p.getFileName() != null && p.getFileName().toString().equalsIgnoreCase(TreePath.GIT_DIR)) {
        throw new OutputRefusedException(p.toString(), "is Git's own directory, and compile never writes into it",
            "give -o the root of your Git repository, the directory that holds .git");
      }
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new OutputRefusedException(p.toString(), "is a file, and the tree needs a directory here",
            "move the file away, or choose another -o DIR or gitops path");
      }
    }
  }

  /**
   * Finishes or discards what a killed run left in {@code target}, then writes the new tree into
   * the staging directory and checks it against the files there: a file compile does not own (and
   * whose content differs), a symbolic link or a file on the way to one of its files, is refused and
   * the staging discarded. Nothing outside the staging directory changes until {@link Staged#install}.
   */
  public static Staged prepare(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().normalize();
    check(dir);
    List<Path> created = new ArrayList<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      created.add(p);
    }
    Files.createDirectories(dir);
    boolean finished = recover(dir);
    Staged staged = new Staged(dir, created, finished);
    try {
      SortedSet<String> owned = OwnedFiles.read(dir.resolve(RECORD));
      Path tree = dir.resolve(STAGING).resolve(STAGED_TREE);
      Files.createDirectories(tree);
      try {
        writer.write(tree);
      } catch (OutputRefusedException e) {
        throw placed(e, tree, dir);
      }
      SortedSet<String> fresh = OwnedFiles.list(tree);
      OwnershipCheck.check(dir, tree, owned, fresh);
      OwnedFiles.write(dir.resolve(STAGING).resolve(STAGED_RECORD), fresh);
      staged.files = fresh.size();
      return staged;
    } catch (Throwable e) {
      staged.discard();
      throw e;
    }
  }

  /** A refusal about a staged file, naming the file's place in the target instead. */
  private static OutputRefusedException placed(OutputRefusedException e, Path tree, Path dir) {
    String file = e.getFile();
    if (file == null || !file.startsWith(tree + "/")) {
      return e;
    }
    OutputRefusedException moved = new OutputRefusedException(dir + file.substring(tree.toString().length()), e.getReason(), e.hint());
    moved.initCause(e);
    return moved;
  }

  /** A new tree, staged in its target and checked, waiting to be moved into place. */
  public static final class Staged {
    private final Path dir;
    private final List<Path> created;
    private final boolean finishedEarlierRun;
    private int files;

    private Staged(Path dir, List<Path> created, boolean finishedEarlierRun) {
      this.dir = dir;
      this.created = created;
      this.finishedEarlierRun = finishedEarlierRun;
    }

    /** Moves the staged files into place, deletes the owned files the new tree no longer has, installs the record. */
    public void install() throws IOException {
      OutputDirectory.install(dir);
    }

    /**
     * Removes the staging directory, and the directories {@link #prepare} created for it when they
     * are empty. The staged record goes first: a run killed halfway through deleting the staged
     * files must leave a staging the next run discards, never one it takes as complete and rolls
     * forward with files missing.
     */
    public void discard() throws IOException {
      Files.deleteIfExists(dir.resolve(STAGING).resolve(STAGED_RECORD));
      delete(dir.resolve(STAGING));
      for (Path p : created) {
        try {
          Files.deleteIfExists(p);
        } catch (DirectoryNotEmptyException e) {
          return;
        }
      }
    }

    /** The number of files in the new tree. */
    public int files() {
      return files;
    }

    /** Whether a run that was killed while moving its files into place was finished first. */
    public boolean finishedEarlierRun() {
      return finishedEarlierRun;
    }
  }

  /**
   * Cleans what a killed run left: a complete staging is installed (rolled forward), an incomplete
   * one deleted. Whether a staging was rolled forward.
   */
  static boolean recover(Path dir) throws IOException {
    Path staging = dir.resolve(STAGING);
    if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)
        && Files.isRegularFile(staging.resolve(STAGED_RECORD), LinkOption.NOFOLLOW_LINKS)) {
      install(dir);
      return true;
    }
      delete(staging);
    return false;
  }

  /**
   * The journal's replay, safe to run again after any interruption: every step is keyed on what is
   * still in the staging directory, and the staged record is renamed over the old one only after
   * every file is in place.
   */
  private static void install(Path dir) throws IOException {
    Path staging = dir.resolve(STAGING);
    Path tree = staging.resolve(STAGED_TREE);
    SortedSet<String> owned = OwnedFiles.read(dir.resolve(RECORD));
    SortedSet<String> fresh = OwnedFiles.read(staging.resolve(STAGED_RECORD));
    SortedSet<String> gone = new TreeSet<>(owned);
    gone.removeAll(fresh);
    for (String file : gone) {
      Path path = dir.resolve(file);
      if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(path)) {
        pruneEmptyParents(dir, path);
      }
    }
    for (String file : fresh) {
      Path from = tree.resolve(file);
      if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        Path to = dir.resolve(file);
        Files.createDirectories(to.getParent());
        move(from, to);
      }
    }
    move(staging.resolve(STAGED_RECORD), dir.resolve(RECORD));
      delete(staging);
  }

  /** Deletes the directories a deleted file leaves empty, up to (not including) the tree's own directory. */
  private static void pruneEmptyParents(Path dir, Path file) throws IOException {
    for (Path p = file.getParent(); p != null && p.startsWith(dir) && !p.equals(dir); p = p.getParent()) {
      try {
        Files.delete(p);
      } catch (DirectoryNotEmptyException e) {
        return;
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a directory and everything below it, never following a symbolic link out of it. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
