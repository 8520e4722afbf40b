package dev.clusterc.cli.run;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import java.time.Duration;
import java.util.List;

/** A small graph and a run over it with every kind of event, for the views' golden tests. */
final class SyntheticRun {
  static final ObjectId NAMESPACE = new ObjectId("", "Namespace", null, "media");
  static final ObjectId SECRET = new ObjectId("", "Secret", "media", "jellyfin-env");
  static final ObjectId DEPLOYMENT = new ObjectId("apps", "Deployment", "media", "jellyfin");

  private SyntheticRun() {}

  static UnitGraph graph() {
    return new UnitGraph("homelab", List.of(
        new Unit("cluster", "cluster", "cluster homelab", List.of(), List.of(), List.of()),
        new Unit("jellyfin", "apps", "app jellyfin", List.of(), List.of("cluster"), List.of()),
        new Unit("immich", "apps", "app immich", List.of(), List.of("jellyfin"), List.of())));
  }

  static RunEvent.UnitWaiting waiting() {
    return new RunEvent.UnitWaiting("jellyfin",
        List.of(new RunEvent.Waiting(DEPLOYMENT, "InProgress", "1 of 2 replicas updated")), Duration.ofSeconds(2));
  }

  static List<RunEvent> events() {
    return List.of(
        new RunEvent.UnitStarted("cluster", "cluster"),
        new RunEvent.ObjectDone("cluster", NAMESPACE, Change.CREATED, ""),
        new RunEvent.UnitReady("cluster", Duration.ofMillis(800)),
        new RunEvent.UnitStarted("jellyfin", "apps"),
        new RunEvent.ObjectDone("jellyfin", SECRET, Change.UNCHANGED, ""),
        new RunEvent.ObjectDone("jellyfin", DEPLOYMENT, Change.CONFIGURED, "field \"spec.replicas\" taken over from \"kubectl-edit\""),
        waiting(),
        new RunEvent.UnitFailed("jellyfin", "not healthy after 5m: Deployment.apps media/jellyfin InProgress"),
        new RunEvent.UnitSkipped("immich", "jellyfin failed"),
        new RunEvent.Finished(1, 1, 1, 0, 0, 1, false, Duration.ofMillis(301_500)));
  }
}
