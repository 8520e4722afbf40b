/**
 * What the language server holds between requests: the open documents, the cluster each belongs to,
 * and for each cluster the compiler that analyses it and its latest {@link
 * dev.clusterc.lsp.workspace.Snapshot}. {@link dev.clusterc.lsp.workspace.Session} decides when to
 * analyse and publishes diagnostics; features read snapshots only.
 */
package dev.clusterc.lsp.workspace;
