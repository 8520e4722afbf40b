package dev.clusterc.cli.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

// placeholder until merge
/** Where and how a Git source reads (placeholder with the agreed signature). */
public record GitSettings(String url, String branch, String path, Duration interval, Optional<Path> tokenFile,
    Optional<Path> sshKey, Optional<Path> knownHosts, Path cacheDir) {}
