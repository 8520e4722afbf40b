package dev.clusterc.cli.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which branch of which repository {@link GitSource} follows, how often, and with what credentials.
 *
 * @param url the repository: {@code https://…}, {@code ssh://…} or {@code git@host:path}, {@code git://…},
 *     {@code file://…}
 * @param branch the branch to follow (without {@code refs/heads/})
 * @param path where the cluster's source lies in the repository, relative; empty or {@code .} for the top
 * @param interval how often the branch is fetched when nobody asks
 * @param tokenFile a file holding an HTTPS token (read at every fetch, so a rotated secret is picked up);
 *     without it the token comes from {@link #TOKEN_VARIABLE}, if set
 * @param sshKey a private key (OpenSSH or PEM, without passphrase) for SSH URLs
 * @param knownHosts the known_hosts file the SSH server's key must be listed in; without it
 *     {@code ~/.ssh/known_hosts}. Unknown or changed keys are always refused
 * @param cacheDir where the local clone and the checked-out commits are kept
 */
public record GitSettings(String url, String branch, String path, Duration interval, Optional<Path> tokenFile,
    Optional<Path> sshKey, Optional<Path> knownHosts, Path cacheDir) {

  /** The environment variable holding an HTTPS token when no token file is given. */
  public static final String TOKEN_VARIABLE = "CLUSTERC_GIT_TOKEN";

  /** A fetch every minute when nobody asks sooner. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  public GitSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(tokenFile, "tokenFile");
    Objects.requireNonNull(sshKey, "sshKey");
    Objects.requireNonNull(knownHosts, "knownHosts");
    Objects.requireNonNull(cacheDir, "cacheDir");
    if (url.isBlank()) {
      throw new IllegalArgumentException("the Git repository URL is empty");
    }
    if (branch.isBlank() || branch.startsWith("refs/") || branch.startsWith("-")) {
      throw new IllegalArgumentException("the branch must be a branch name such as main, not '" + branch + "'");
    }
    path = path == null ? "" : normalised(path);
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive: " + interval);
    }
  }

  /** The path inside the repository, {@code ""} for the top; {@code ..} may not leave the repository. */
  private static String normalised(String path) {
    String unixy = path.replace('\\', '/').strip();
    if (unixy.startsWith("/")) {
      throw new IllegalArgumentException("the path inside the repository must be relative: '" + path + "'");
    }
    Path normal = Path.of(unixy.isEmpty() ? "." : unixy).normalize();
    String result = normal.toString().replace('\\', '/');
    if (result.equals("..") || result.startsWith("../")) {
      throw new IllegalArgumentException("the path inside the repository leaves it: '" + path + "'");
    }
    return result.equals(".") ? "" : result;
  }
}
