/**
 * One class per language feature, each answering one kind of request from a {@link
 * dev.clusterc.lsp.workspace.Snapshot}: no JSON-RPC, no state, no second analysis. They use LSP4J's
 * protocol types for their answers and the compiler's API for everything they know.
 */
package dev.clusterc.lsp.feature;
