package dev.clusterc.cli.watch;

import java.nio.file.Path;

/**
 * One revision of the source, on disk.
 *
 * @param root the directory holding the cluster's source; unchanged until the source takes its next snapshot
 * @param revision a Git commit id, or {@code sha256:…} of the directory's content
 * @param origin where it was read, for people
 */
public record Snapshot(Path root, String revision, String origin) {}
