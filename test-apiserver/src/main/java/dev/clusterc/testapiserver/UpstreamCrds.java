package dev.clusterc.testapiserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The upstream CRDs fetched by {@code test-apiserver/crds.sh} from their projects' Go modules, so
 * a fresh clone of the repository needs no CRD files beside it and commits none.
 *
 * <p>The script runs once per JVM (its result, or its failure, is remembered): a warm run only
 * prints the cache directory; a cold one downloads the modules listed in {@code crds.txt} (about
 * 120 MB, 20-40 s) and keeps only the CRD files.
 */
public final class UpstreamCrds {

  /** The list of files the directory holds, written by the script: group/file, module, path. */
  public static final String SOURCES_FILE = "SOURCES.tsv";

  private static final long FETCH_TIMEOUT_MINUTES = 15;
  private static final OncePerJvm<Path> FETCHED = new OncePerJvm<>();

  private UpstreamCrds() {}

  /** Runs {@code <repo>/test-apiserver/crds.sh} once per JVM and returns its CRD directory. */
  public static Path forThisJvm() {
    return fetchOnce(RepoPaths.crdScript());
  }

  static Path fetchOnce(Path script) {
    return FETCHED.get(script, key -> fetch(key, Map.of()));
  }

  /** Runs the script with extra environment variables; its last stdout line names the directory. */
  static Path fetch(Path script, Map<String, String> env) {
    Path dir = CacheScript.run(script, env, FETCH_TIMEOUT_MINUTES);
    if (!Files.isRegularFile(dir.resolve(SOURCES_FILE))) {
      throw new IllegalStateException(script + " printed " + dir + ", which has no " + SOURCES_FILE
          + "; delete that directory and run the tests again");
    }
    return dir;
  }
}
