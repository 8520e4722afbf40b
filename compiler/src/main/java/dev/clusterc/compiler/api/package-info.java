/**
 * The one door into the compiler: everything a command line, a runtime or a language server needs,
 * and nothing of how the compiler works inside.
 *
 * <p>{@link dev.clusterc.compiler.api.ClusterCompiler} opens a cluster (a directory of
 * {@code .cluster} files or one file, with the standard library), takes the unsaved text of open
 * documents, and analyses ({@link dev.clusterc.compiler.api.Analysis}: diagnostics, documents,
 * graph) or compiles ({@link dev.clusterc.compiler.api.CompileResult}: a
 * {@link dev.clusterc.compiler.api.CompiledCluster} of {@link dev.clusterc.compiler.api.CompiledUnit}s
 * with their objects, dependencies and health gates, or the diagnostics that stop it). Bad input is
 * never an exception: it is a diagnostic. {@link dev.clusterc.compiler.api.Documents} reads, decodes
 * and formats a single document. For an editor, {@link dev.clusterc.compiler.api.Navigator} answers
 * positions (what is there, definitions, references, outline, completion, and for hover a
 * declaration's {@link dev.clusterc.compiler.api.DeclarationFacts} and an entry's
 * {@link dev.clusterc.compiler.api.EntryDoc}), and {@link dev.clusterc.compiler.api.Analysis#objects}
 * the objects a declaration compiles to.
 *
 * <p>The vocabulary a caller may use besides this package is small and made of values:
 * {@code compiler.source} (files, positions, spans, the working directory paths are shown from) and
 * {@code compiler.diag} (diagnostics, their codes, and the human and JSON renderers). Results hand
 * out Kubernetes objects as {@code compiler.kube.KubeObject} copies, plain trees a runtime can apply.
 * Every other package (syntax, binding, the model, checks, emitters, layouts) is the compiler's own
 * and may change at any time; architecture tests fail the build when the CLI imports one of them,
 * when a public member of this package shows one of their types, or when a package of the compiler
 * imports one above it.
 *
 * <p>Results are immutable: lists are copies and objects are fresh trees on every call, so a caller
 * may keep and share them. {@link dev.clusterc.compiler.api.Frontend} is the pass driver behind the
 * door, public for the compiler's own tests, not for callers: it hands out the internal program.
 */
package dev.clusterc.compiler.api;
