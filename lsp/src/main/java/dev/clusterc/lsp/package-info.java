/**
 * The language server behind {@code clusterc lsp}: the LSP4J glue only. {@link
 * dev.clusterc.lsp.LanguageServerMain} speaks JSON-RPC over a pair of streams; {@link
 * dev.clusterc.lsp.ClustercLanguageServer} says what the server can do; {@link
 * dev.clusterc.lsp.DocumentRequests} and {@link dev.clusterc.lsp.WorkspaceRequests} hand each
 * request to one class of {@code lsp.feature}, off the reader thread, through {@link
 * dev.clusterc.lsp.Requests}, which keeps a crash in one request from reaching the others.
 *
 * <p>The state (open documents, clusters, analyses) lives in {@code lsp.workspace}; the answers in
 * {@code lsp.feature}. Everything the server knows about the language comes from the compiler's
 * API: there is no second parser or checker here.
 */
package dev.clusterc.lsp;
