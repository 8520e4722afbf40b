/**
 * Whether objects on a live cluster are healthy: {@link dev.clusterc.runtime.status.KStatus}, a pure
 * port of kstatus's rules (what "Current" means per kind, and why an object is still waiting), and
 * {@link dev.clusterc.runtime.status.HealthWait}, which polls a unit's gating objects until they are
 * all Current, one fails, or time runs out. docs/health.md says per kind what healthy means.
 */
package dev.clusterc.runtime.status;
