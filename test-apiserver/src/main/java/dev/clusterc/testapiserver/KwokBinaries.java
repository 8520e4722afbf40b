package dev.clusterc.testapiserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * kwok (the fake kubelet of {@link TestCluster}) and the Stage documents it plays, built by
 * {@code test-apiserver/kwok.sh} from kwok's own Go module, once per JVM.
 *
 * <p>kwok v0.8.0 run as a plain binary has no default stages, so the script copies the ones that
 * ship in the same module beside the binary: nodes become Ready and keep a lease, scheduled pods
 * become Ready, pods of Jobs complete, deleted pods go away.
 */
public final class KwokBinaries {

  /** The stage files, in the order they are passed to kwok. */
  static final List<String> STAGES = List.of("node-initialize.yaml",
      "node-heartbeat-with-lease.yaml", "pod-ready.yaml", "pod-complete.yaml", "pod-delete.yaml");

  private static final long BUILD_TIMEOUT_MINUTES = 30;
  private static final OncePerJvm<KwokBinaries> BUILT = new OncePerJvm<>();

  private final Path directory;
  private final String version;

  private KwokBinaries(Path directory, String version) {
    this.directory = directory;
    this.version = version;
  }

  /** Runs {@code <repo>/test-apiserver/kwok.sh} once per JVM and returns its result. */
  public static KwokBinaries forThisJvm() {
    return BUILT.get(RepoPaths.kwokScript(), KwokBinaries::build);
  }

  static KwokBinaries build(Path script) {
    Path dir = CacheScript.run(script, Map.of(), BUILD_TIMEOUT_MINUTES);
    if (!Files.isExecutable(dir.resolve("kwok"))) {
      throw new IllegalStateException("no executable kwok in " + dir);
    }
    for (String stage : STAGES) {
      if (!Files.isRegularFile(dir.resolve("stages").resolve(stage))) {
        throw new IllegalStateException("no stage " + stage + " in " + dir.resolve("stages")
            + "; delete " + dir + " and run the tests again");
      }
    }
    String version = ApiServerBinaries.readVersions(dir.resolve("versions.env"))
        .getOrDefault("KWOK_VERSION", "");
    return new KwokBinaries(dir, version);
  }

  /** The directory holding {@code kwok}, {@code stages/} and {@code versions.env}. */
  public Path directory() {
    return directory;
  }

  public Path kwok() {
    return directory.resolve("kwok");
  }

  /** The Stage documents, in the order kwok gets them. */
  public List<Path> stages() {
    return STAGES.stream().map(directory.resolve("stages")::resolve).toList();
  }

  /** For example {@code v0.8.0}; empty when versions.env is missing. */
  public String version() {
    return version;
  }
}
