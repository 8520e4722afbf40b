package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps the ObjectDone events of a run as {@code CHANGE id (detail)} lines, in order. */
final class RecordingListener implements RunListener {
  final List<RunEvent.ObjectDone> events = new ArrayList<>();

  @Override
  public synchronized void on(RunEvent event) {
    if (event instanceof RunEvent.ObjectDone done) {
      events.add(done);
    }
  }

  List<String> lines() {
    return events.stream().map(e -> e.change() + " " + e.object()).toList();
  }
}
