package dev.clusterc.cli.watch;

import java.nio.file.Path;

/**
 * One revision of the source, on disk.
 *
 * @param root the directory holding the cluster's source: a Git commit's own checkout, unchanged until the
 *     source takes its next snapshot, or a watched directory itself, which may change at any time (see
 *     {@link Source#unchanged})
 * @param revision a Git commit id, or {@code sha256:…} of the directory's content
 * @param origin where it was read, for people
 */
public record Snapshot(Path root, String revision, String origin) {}
