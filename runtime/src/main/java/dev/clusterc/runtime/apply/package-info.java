/**
 * Brings a live cluster to a {@link dev.clusterc.runtime.model.UnitGraph}: {@link GraphPlanner} dry-runs
 * every object and says what would change; {@link GraphApplier} applies the units in dependency
 * order (independent units in parallel, bounded), CRDs, Namespaces and {@code *Class} kinds first
 * inside a unit, waits for each unit's health gates before its dependents start, stops on the first
 * failure or on cancellation between objects, and reports every step as a
 * {@link dev.clusterc.runtime.events.RunEvent}.
 */
package dev.clusterc.runtime.apply;
