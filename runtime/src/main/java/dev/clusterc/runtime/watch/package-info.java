/**
 * {@code clusterc apply --watch}: a long-running reconciler over the runtime's apply. It takes each
 * new {@link dev.clusterc.runtime.watch.Desired} state of the source, applies what changed, heals
 * drift of the objects it manages (informers filtered by the ApplySet label, a baseline per object so
 * status updates and its own writes cause nothing, ignore rules, back-off), posts Kubernetes Events
 * on the ApplySet parent, honours suspension, and elects a leader through a Lease. It knows
 * Kubernetes, never the language: the CLI compiles the source and hands over plain objects.
 */
package dev.clusterc.runtime.watch;
