/**
 * {@code clusterc apply --watch}: where the source comes from (a directory or a Git repository), the
 * loop that checks and compiles each new revision and hands it to the runtime's reconciler, and how
 * it is operated (status endpoint, metrics, logs, suspend and resume).
 */
package dev.clusterc.cli.watch;
