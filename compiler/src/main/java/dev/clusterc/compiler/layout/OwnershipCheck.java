package dev.clusterc.compiler.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Decides, before anything is moved, whether a staged tree may be put into a directory that holds
 * other files: compile may replace a file it owns (listed in the record), and take over a file it
 * does not own only when that file already holds exactly the bytes compile would write (nothing is
 * lost, and a tree whose record was lost can be adopted). Anything else in the way — another file,
 * a directory with files compile does not own, a symbolic link or a file where the tree needs a
 * directory — is refused, naming what is in the way.
 */
final class OwnershipCheck {
  /** How many paths the refusal names before it says how many more there are. */
  private static final int SHOWN = 3;

  private OwnershipCheck() {}

  static void check(Path dir, Path staged, SortedSet<String> owned, SortedSet<String> fresh) throws IOException {
    SortedSet<String> gone = new TreeSet<>(owned);
    gone.removeAll(fresh);
    List<String> problems = new ArrayList<>();
    SortedSet<String> touched = new TreeSet<>(fresh);
    touched.addAll(owned);
    SortedSet<String> parents = new TreeSet<>();
    for (String file : touched) {
      for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
        parents.add(file.substring(0, slash));
      }
    }
    for (String parent : parents) {
      Path path = dir.resolve(parent);
      if (Files.isSymbolicLink(path)) {
        problems.add(parent + " is a symbolic link, and compile writes only into real directories");
      } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
          && !gone.contains(parent)) {
        problems.add(parent + " is a file, and the tree needs a directory there");
      }
    }
    for (String file : fresh) {
      Path path = dir.resolve(file);
      String other = otherKustomization(dir, file, owned);
      if (other != null) {
        problems.add(other + " is beside the " + file + " compile writes, and kustomize refuses a directory with two");
      }
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        String foreign = foreignFile(dir, path, gone);
        if (foreign != null) {
          problems.add(file + (foreign.equals(file) ? " is an empty directory"
              : " is a directory holding " + foreign + ", which compile did not write,") + " and the tree needs a file there");
        }
      } else if (!owned.contains(file)
          && !(Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.mismatch(path, staged.resolve(file)) == -1)) {
        problems.add(file + " exists, and compile did not write it");
      }
    }
    if (!problems.isEmpty()) {
      String more = problems.size() > SHOWN ? "; and " + (problems.size() - SHOWN) + " more" : "";
      throw new OutputRefusedException(dir.toString(),
          "nothing written: " + String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size()))) + more,
          "compile replaces only the files listed in " + OutputDirectory.RECORD + " and leaves every other file alone; "
              + "move these away (or delete them) and compile again");
    }
  }

  /**
   * A kustomization file compile does not own in the directory where it writes
   * {@code kustomization.yaml}, or {@code null}: kustomize (and Flux) refuse to build a directory
   * holding two, so the tree would not apply.
   */
  private static String otherKustomization(Path dir, String file, SortedSet<String> owned) {
    int slash = file.lastIndexOf('/');
    if (!file.substring(slash + 1).equals(GitOpsLayout.KUSTOMIZATION_FILES.get(0))) {
      return null;
    }
    String prefix = file.substring(0, slash + 1);
    for (String name : GitOpsLayout.KUSTOMIZATION_FILES.subList(1, GitOpsLayout.KUSTOMIZATION_FILES.size())) {
      if (Files.exists(dir.resolve(prefix + name), LinkOption.NOFOLLOW_LINKS) && !owned.contains(prefix + name)) {
        return prefix + name;
      }
    }
    return null;
  }

  /**
   * What below {@code sub} would still be there once compile deleted its gone files, relative to
   * {@code dir}, or {@code null}: a file compile did not write, or an empty directory (only the
   * directories a deleted file leaves empty are removed). Either would make moving the new file
   * onto {@code sub} fail halfway through the install, and every later run too.
   */
  private static String foreignFile(Path dir, Path sub, SortedSet<String> gone) throws IOException {
    try (Stream<Path> walk = Files.walk(sub)) {
      return walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? emptyDirectory(p)
              : !gone.contains(OwnedFiles.relative(dir, p)))
          .map(p -> OwnedFiles.relative(dir, p))
          .findFirst().orElse(null);
    }
  }

  private static boolean emptyDirectory(Path path) {
    try (Stream<Path> entries = Files.list(path)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return true;
    }
  }
}
