/**
 * What {@code clusterc plan}, {@code diff} and {@code apply} need between the compiler and the
 * runtime: the compiled units turned into the runtime's unit graph ({@link dev.clusterc.cli.run.UnitGraphs}),
 * what direct delivery refuses ({@link dev.clusterc.cli.run.DirectDelivery}), the one call into the runtime
 * ({@link dev.clusterc.cli.run.Engine}), and the views of a run: a live view on a terminal, plain lines,
 * JSON lines, and the plan printer.
 */
package dev.clusterc.cli.run;
