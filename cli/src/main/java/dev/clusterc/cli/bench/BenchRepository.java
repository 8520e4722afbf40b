package dev.clusterc.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The Git repository the watch bench's reconciler follows: a local repository (branch {@code main})
 * holding a generated cluster at its top, reached through a {@code file://} URL, to which the bench
 * commits edits as a user's push would.
 */
final class BenchRepository implements AutoCloseable {
  static final String BRANCH = "main";
  private static final PersonIdent AUTHOR = new PersonIdent("clusterc bench", "bench@clusterc.invalid");

  private final Path dir;
  private final Git git;

  private BenchRepository(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** Writes the cluster of {@code apps} plain apps ({@link ClusterGenerator#writeAppliable}) into a new repository and commits it. */
  static BenchRepository create(Path dir, int apps, int files) throws IOException, GitAPIException {
    ClusterGenerator.writeAppliable(dir, apps, files);
    Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(BRANCH).call();
    BenchRepository repository = new BenchRepository(dir, git);
    repository.commitAll("the generated cluster of " + apps + " apps");
    return repository;
  }

  /** The URL a {@code GitSource} fetches from. */
  String url() {
    return dir.toUri().toString();
  }

  /** Rewrites {@code file} (relative to the top) with {@code edit} and commits it; the commit's id. */
  String commit(String file, UnaryOperator<String> edit, String message) throws IOException, GitAPIException {
    Path path = dir.resolve(file);
    String before = Files.readString(path);
    String after = edit.apply(before);
    if (after.equals(before)) {
      throw new IllegalStateException("the edit of " + file + " changed nothing: " + message);
    }
    Files.writeString(path, after);
    return commitAll(message);
  }

  private String commitAll(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call().getName();
  }

  @Override
  public void close() {
    git.close();
  }
}
