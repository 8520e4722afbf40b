package dev.clusterc.cli.watch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit, each in a directory of its own ({@code commits/<id>/}) that is written once
 * and never changed, so that a snapshot handed out stays as it was while the next commit is checked out
 * beside it. Only the newest two are kept.
 *
 * <p>A commit is written into a temporary directory and renamed into place, so a directory under its
 * id is always complete, also after a crash. Symbolic links are written only if they point inside the
 * checkout; submodules are left out.
 */
final class CommitCheckouts {
  private final Path root;

  CommitCheckouts(Path root) {
    this.root = root;
  }

  /** Whether {@code path} ({@code ""} for the top) is a directory in {@code commit}. */
  static boolean hasDirectory(Repository repo, ObjectId commit, String path) throws IOException {
    if (path.isEmpty()) {
      return true;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit parsed = walk.parseCommit(commit);
      try (TreeWalk entry = TreeWalk.forPath(repo, path, parsed.getTree())) {
        return entry != null && entry.getFileMode(0) == FileMode.TREE;
      }
    }
  }

  /** The directory holding {@code commit}'s files, written now unless it already is. */
  Path checkout(Repository repo, ObjectId commit) throws IOException {
    Path target = root.resolve(commit.name());
    if (Files.isDirectory(target)) {
      return target;
    }
    Files.createDirectories(root);
    Path partial = Files.createTempDirectory(root, "." + commit.name() + ".partial-");
    try {
      write(repo, commit, partial);
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException raced) {
        deleteTree(partial);
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(partial);
      throw e;
    }
    return target;
  }

  /** Deletes every checkout but {@code keep} (and leftovers of interrupted ones). */
  void keepOnly(Set<String> keep) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        if (!keep.contains(entry.getFileName().toString())) {
          deleteTree(entry);
        }
      }
    }
  }

  private static void write(Repository repo, ObjectId commit, Path into) throws IOException {
    try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(commit).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        Path file = into.resolve(tree.getPathString()).normalize();
        if (!file.startsWith(into)) {
          continue;
        }
        FileMode mode = tree.getFileMode(0);
        if (mode == FileMode.GITLINK) {
          continue;
        }
        Files.createDirectories(file.getParent());
        if (mode == FileMode.SYMLINK) {
          String target = new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
          Path resolved = file.getParent().resolve(target).normalize();
          if (!Path.of(target).isAbsolute() && resolved.startsWith(into)) {
            Files.createSymbolicLink(file, Path.of(target));
          }
          continue;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
          repo.open(tree.getObjectId(0)).copyTo(out);
        }
        if (mode == FileMode.EXECUTABLE_FILE) {
          makeExecutable(file);
        }
      }
    }
  }

  private static void makeExecutable(Path file) {
    try {
      Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
      permissions.add(PosixFilePermission.OWNER_EXECUTE);
      Files.setPosixFilePermissions(file, permissions);
    } catch (IOException | UnsupportedOperationException e) {
      // a file system without permissions: the bit does not matter to the compiler
    }
  }

  static void deleteTree(Path top) throws IOException {
    if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(top)) {
      for (Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
