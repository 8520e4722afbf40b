package dev.clusterc.cli;

import dev.clusterc.cli.watch.WatchLog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of {@code apply --watch}: where the source is read (a directory, or a branch of a Git
 * repository with its credentials), how often everything is compared again, where the status server
 * listens, leader election, and the log's format. Each of them only means something with
 * {@code --watch}, the Git ones only with {@code --git}, the Lease ones only with {@code --leader-elect}.
 */
public final class WatchFlags {
  /** The Git options: only with {@code --git}. */
  static final List<String> GIT_ONLY = List.of("--branch", "--path", "--interval", "--git-token-file", "--git-ssh-key",
      "--git-known-hosts", "--git-cache");
  /** The options that only mean something with {@code --watch}. */
  static final List<String> WATCH_ONLY = List.of("--git", "--branch", "--path", "--interval", "--git-token-file",
      "--git-ssh-key", "--git-known-hosts", "--git-cache", "--resync", "--status-address", "--leader-elect",
      "--lease-namespace", "--lease-name", "--log-format");

  @Option(names = "--watch",
      description = "Keep running: apply every new revision of the source (PATH, a directory, or --git), heal drift,"
          + " serve /healthz, /readyz, /metrics, /status and POST /poll, until SIGTERM or Ctrl-C (see docs/watch.md).")
  boolean watch;

  @Option(names = "--git", paramLabel = "URL", description = "With --watch: read the cluster from this Git repository"
      + " (https://…, ssh://…, git@host:…, file://…) instead of PATH.")
  String gitUrl;

  @Option(names = "--branch", paramLabel = "BRANCH", defaultValue = "main",
      description = "With --git: the branch followed (default: ${DEFAULT-VALUE}).")
  String branch = "main";

  @Option(names = "--path", paramLabel = "DIR", defaultValue = ".",
      description = "With --git: the directory of the cluster's .cluster files in the repository (default: ${DEFAULT-VALUE}).")
  String gitPath = ".";

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1m",
      converter = RuntimeOptions.DurationConverter.class,
      description = "With --git: how often the branch is fetched (default: ${DEFAULT-VALUE}); POST /poll fetches within 3 s (many polls make one fetch, also while failed fetches back off).")
  Duration interval = Duration.ofMinutes(1);

  @Option(names = "--git-token-file", paramLabel = "FILE",
      description = "With --git over HTTPS: a file holding the access token (read again on every fetch).")
  Path tokenFile;

  @Option(names = "--git-ssh-key", paramLabel = "FILE", description = "With --git over SSH: the private key file.")
  Path sshKey;

  @Option(names = "--git-known-hosts", paramLabel = "FILE",
      description = "With --git over SSH: the known_hosts file the server's key must be in.")
  Path knownHosts;

  @Option(names = "--git-cache", paramLabel = "DIR",
      description = "With --git: where the repository is kept between fetches (default: a new temporary directory).")
  Path gitCache;

  @Option(names = "--resync", paramLabel = "DURATION", defaultValue = "10m",
      converter = RuntimeOptions.DurationConverter.class,
      description = "With --watch: how often every managed object is listed and compared, to catch what a dropped"
          + " watch missed (default: ${DEFAULT-VALUE}).")
  Duration resync = Duration.ofMinutes(10);

  @Option(names = "--status-address", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9090",
      converter = AddressConverter.class,
      description = "With --watch: where the status server listens (default: ${DEFAULT-VALUE}; port 0 picks a free one,"
          + " printed in the `started` log line; 0.0.0.0:9090 in a pod).")
  InetSocketAddress statusAddress = new InetSocketAddress("127.0.0.1", 9090);

  @Option(names = "--leader-elect", description = "With --watch: reconcile only while holding a Lease, so that of"
      + " several replicas one reconciles and the others stand by.")
  boolean leaderElect;

  @Option(names = "--lease-namespace", paramLabel = "NAMESPACE", defaultValue = "clusterc-system",
      description = "With --leader-elect: the Lease's namespace (default: ${DEFAULT-VALUE}).")
  String leaseNamespace = "clusterc-system";

  @Option(names = "--lease-name", paramLabel = "NAME",
      description = "With --leader-elect: the Lease's name (default: clusterc-CLUSTER, CLUSTER from the first revision"
          + " that compiles).")
  String leaseName;

  @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
      description = "With --watch: text or json lines (${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}).")
  WatchLog.Format logFormat = WatchLog.Format.text;

  /**
   * Why these options cannot be used together with {@code path} (null when there is none), or {@code null}.
   * {@code parsed} tells which options were typed (their defaults do not count).
   */
  String problem(ParseResult parsed, Path path) {
    if (!watch) {
      return WATCH_ONLY.stream().filter(parsed::hasMatchedOption).findFirst()
          .map(option -> option + " only applies with --watch").orElse(null);
    }
    if (path != null && gitUrl != null) {
      return "--watch reads PATH or --git URL, not both";
    }
    if (path == null && gitUrl == null) {
      return "--watch needs a PATH (a directory of .cluster files) or --git URL";
    }
    if (gitUrl == null) {
      String gitOnly = GIT_ONLY.stream().filter(parsed::hasMatchedOption).findFirst().orElse(null);
      if (gitOnly != null) {
        return gitOnly + " only applies with --git";
      }
    }
    if (!leaderElect) {
      String leaseOnly = List.of("--lease-namespace", "--lease-name").stream().filter(parsed::hasMatchedOption)
          .findFirst().orElse(null);
      if (leaseOnly != null) {
        return leaseOnly + " only applies with --leader-elect";
      }
    }
    if (sshKey != null && tokenFile != null) {
      return "--git-token-file (HTTPS) and --git-ssh-key (SSH) exclude each other";
    }
    return null;
  }

  /** {@code HOST:PORT}, {@code :PORT} (all addresses) or {@code [::1]:PORT}; port 0 for any free one. */
  static final class AddressConverter implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String text) {
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        throw new TypeConversionException("'" + text + "' is not HOST:PORT: write e.g. 127.0.0.1:9090 or 0.0.0.0:9090");
      }
      String host = text.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65_535) {
        throw new TypeConversionException("'" + text + "' has no port from 0 to 65535: write e.g. 127.0.0.1:9090");
      }
      InetSocketAddress address = host.isEmpty() ? new InetSocketAddress(port)
          : new InetSocketAddress(host.toLowerCase(Locale.ROOT), port);
      if (address.isUnresolved()) {
        throw new TypeConversionException("'" + text + "': no such host " + host);
      }
      return address;
    }
  }
}
