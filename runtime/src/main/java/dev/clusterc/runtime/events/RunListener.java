package dev.clusterc.runtime.events;

/** Receives the events of a run, from any of the run's threads, one at a time. */
@FunctionalInterface
public interface RunListener {
  /** A listener that drops every event. */
  RunListener NONE = event -> {};

  void on(RunEvent event);
}
