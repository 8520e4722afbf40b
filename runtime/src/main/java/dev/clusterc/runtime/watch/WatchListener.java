package dev.clusterc.runtime.watch;

/** Receives what the reconciler reports, from any of its threads, one at a time. */
@FunctionalInterface
public interface WatchListener {
  /** A listener that drops every event. */
  WatchListener NONE = event -> {};

  void on(WatchEvent event);
}
