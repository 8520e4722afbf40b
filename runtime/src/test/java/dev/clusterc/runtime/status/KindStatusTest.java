package dev.clusterc.runtime.status;

import static dev.clusterc.runtime.status.Status.CURRENT;
import static dev.clusterc.runtime.status.Status.FAILED;
import static dev.clusterc.runtime.status.Status.IN_PROGRESS;
import static dev.clusterc.runtime.status.Status.TERMINATING;
import static dev.clusterc.runtime.status.Status.UNKNOWN;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules for Pods, Jobs, claims, Services, CRDs, PDBs and custom resources, mirroring kstatus's tables. */
class KindStatusTest {

  static List<StatusCase> pods() {
    String head = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: qual, generation: 1";
    String unschedulable = "status:\n  phase: Pending\n  conditions:\n"
        + "  - {type: PodScheduled, status: 'False', reason: Unschedulable, message: '0/3 nodes are available'}\n";
    return List.of(
        StatusCase.of("no status", IN_PROGRESS, "no phase", head + "}\n"),
        StatusCase.of("ready", CURRENT, "Ready", head + "}\nstatus:\n  phase: Running\n  conditions:\n"
            + "  - {type: Ready, status: 'True'}\n"),
        StatusCase.of("succeeded", CURRENT, "successfully", head + "}\nstatus:\n  phase: Succeeded\n  conditions:\n"
            + "  - {type: Ready, status: 'False', reason: PodCompleted}\n"),
        StatusCase.of("finished, failed", CURRENT, "not successfully", head + "}\nstatus:\n  phase: Failed\n"
            + "  conditions:\n  - {type: Ready, status: 'False', reason: PodCompleted}\n"),
        StatusCase.of("being scheduled", IN_PROGRESS, "waiting for a node: 0/3 nodes are available",
            head + ", creationTimestamp: '" + StatusCase.NOW.minusSeconds(5) + "'}\n" + unschedulable),
        StatusCase.of("unschedulable", FAILED, "no node can take it",
            head + ", creationTimestamp: '" + StatusCase.NOW.minusSeconds(60) + "'}\n" + unschedulable),
        StatusCase.of("unschedulable, no creation time", FAILED, "no node", head + "}\n" + unschedulable),
        StatusCase.of("crash looping", FAILED, "container nginx in CrashLoopBackOff", head + "}\nstatus:\n"
            + "  phase: Running\n  containerStatuses:\n  - name: nginx\n    state: {waiting: {reason: CrashLoopBackOff}}\n"
            + "  - name: sidecar\n    state: {running: {}}\n"),
        StatusCase.of("running, not ready", IN_PROGRESS, "not Ready", head + "}\nstatus: {phase: Running}\n"),
        StatusCase.of("unknown phase", UNKNOWN, "Exploded", head + "}\nstatus: {phase: Exploded}\n"));
  }

  static List<StatusCase> jobs() {
    String head = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate, namespace: qual, generation: 1}\n";
    return List.of(
        StatusCase.of("no status", IN_PROGRESS, "not started", head),
        StatusCase.of("complete", CURRENT, "1 of 1 succeeded", head + "status:\n  succeeded: 1\n  active: 0\n"
            + "  conditions:\n  - {type: Complete, status: 'True'}\n"),
        StatusCase.of("failed", FAILED, "1 of 4 pods failed", head + "spec: {completions: 4}\nstatus:\n"
            + "  succeeded: 3\n  failed: 1\n  conditions:\n  - {type: Failed, status: 'True', reason: BackoffLimitExceeded}\n"),
        StatusCase.of("running", CURRENT, "3 succeeded, 2 active, 1 failed", head + "spec: {completions: 10, parallelism: 2}\n"
            + "status:\n  startTime: '2019-06-04T01:17:13Z'\n  succeeded: 3\n  failed: 1\n  active: 2\n  conditions:\n"
            + "  - {type: Failed, status: 'False'}\n  - {type: Complete, status: 'False'}\n"),
        StatusCase.of("suspended", CURRENT, "suspended", head.replace("}\n", "}\nspec: {suspend: true}\n")
            + "status:\n  conditions:\n  - {type: Suspended, status: 'True'}\n"),
        StatusCase.of("suspended, then resumed", IN_PROGRESS, "not started", head.replace("}\n", "}\nspec: {suspend: false}\n")
            + "status:\n  conditions:\n  - {type: Suspended, status: 'False'}\n"),
        StatusCase.of("resuming: condition still True", IN_PROGRESS, "not started", head.replace("}\n", "}\nspec: {suspend: false}\n")
            + "status:\n  conditions:\n  - {type: Suspended, status: 'True'}\n"));
  }

  static List<StatusCase> others() {
    String claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: qual, generation: 1}\n";
    String service = "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: qual, generation: 1}\n";
    String crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: things.example.com, generation: 1}\n";
    String pdb = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: qual, generation: ";
    String cronJob = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly, namespace: qual, generation: 1}\n";
    return List.of(
        StatusCase.of("claim without status", IN_PROGRESS, "not bound to a volume yet (phase not reported)", claim),
        StatusCase.of("claim pending", IN_PROGRESS, "phase Pending", claim + "status: {phase: Pending}\n"),
        StatusCase.of("claim bound", CURRENT, "bound", claim + "status: {phase: Bound}\n"),
        StatusCase.of("service default", CURRENT, "", service),
        StatusCase.of("service NodePort", CURRENT, "", service + "spec: {type: NodePort}\n"),
        StatusCase.of("load balancer without anything", IN_PROGRESS, "LoadBalancer without an address",
            service + "spec: {type: LoadBalancer}\n"),
        StatusCase.of("load balancer with a cluster IP only", IN_PROGRESS, "without an address",
            service + "spec: {type: LoadBalancer, clusterIP: 1.2.3.4}\n"),
        StatusCase.of("load balancer with an address", CURRENT, "address", service
            + "spec: {type: LoadBalancer, clusterIP: 1.2.3.4}\nstatus: {loadBalancer: {ingress: [{ip: 192.0.2.10}]}}\n"),
        StatusCase.of("CRD without conditions", IN_PROGRESS, "not established", crd),
        StatusCase.of("CRD installing", IN_PROGRESS, "not established", crd + "status:\n  conditions:\n"
            + "  - {type: NamesAccepted, status: 'True', reason: NoConflicts}\n"
            + "  - {type: Established, status: 'False', reason: Installing}\n"),
        StatusCase.of("CRD names refused", FAILED, "condition NamesAccepted=False: \"things\" is already in use",
            crd + "status:\n  conditions:\n  - {type: NamesAccepted, status: 'False', reason: MultipleNameConflicts,"
                + " message: '\"things\" is already in use'}\n"),
        StatusCase.of("CRD established", CURRENT, "established", crd + "status:\n  conditions:\n"
            + "  - {type: NamesAccepted, status: 'True', reason: NoConflicts}\n"
            + "  - {type: Established, status: 'True', reason: InitialNamesAccepted}\n"),
        StatusCase.of("PDB not observed", IN_PROGRESS, "observedGeneration 1 behind generation 2",
            pdb + "2}\nstatus: {observedGeneration: 1}\n"),
        StatusCase.of("PDB observed", CURRENT, "", pdb + "1}\nstatus: {observedGeneration: 1}\n"),
        StatusCase.of("CronJob without status", CURRENT, "", cronJob),
        StatusCase.of("CronJob with status", CURRENT, "", cronJob + "status: {lastScheduleTime: '2026-01-01T00:00:00Z'}\n"));
  }

  static List<StatusCase> customResources() {
    String head = "apiVersion: example.com/v1\nkind: Certificate\nmetadata: {name: web, namespace: qual, generation: ";
    return List.of(
        StatusCase.of("no status", CURRENT, "", head + "1}\n"),
        StatusCase.of("Ready=True", CURRENT, "", head + "1}\nstatus:\n  conditions:\n"
            + "  - {type: Ready, status: 'True', reason: AllOk, message: All looks ok}\n"),
        StatusCase.of("Ready=False", IN_PROGRESS, "condition Ready=False: Waiting for certificate", head
            + "1}\nstatus:\n  observedGeneration: 1\n  conditions:\n"
            + "  - {type: Ready, status: 'False', reason: Issuing, message: Waiting for certificate}\n"),
        StatusCase.of("Ready=Unknown", IN_PROGRESS, "condition Ready=Unknown: NotYet", head
            + "1}\nstatus:\n  conditions:\n  - {type: Ready, status: 'Unknown', reason: NotYet}\n"),
        StatusCase.of("another condition only", CURRENT, "", head + "1}\nstatus:\n  conditions:\n"
            + "  - {type: SomeCondition, status: 'False'}\n"),
        StatusCase.of("generation not observed", IN_PROGRESS, "observedGeneration 1 behind generation 2",
            head + "2}\nstatus: {observedGeneration: 1}\n"),
        StatusCase.of("Reconciling=True", IN_PROGRESS, "condition Reconciling=True: fetching chart", head
            + "1}\nstatus:\n  conditions:\n  - {type: Reconciling, status: 'True', reason: Progressing, message: fetching chart}\n"
            + "  - {type: Ready, status: 'True'}\n"),
        StatusCase.of("Stalled=True", FAILED, "condition Stalled=True: chart not found", head
            + "1}\nstatus:\n  conditions:\n  - {type: Stalled, status: 'True', reason: ChartMissing, message: chart not found}\n"),
        StatusCase.of("Stalled=False", IN_PROGRESS, "Ready=False", head + "1}\nstatus:\n  conditions:\n"
            + "  - {type: Stalled, status: 'False'}\n  - {type: Ready, status: 'False'}\n"),
        StatusCase.of("being deleted", TERMINATING, "being deleted", head
            + "1, deletionTimestamp: '2026-06-01T11:00:00Z'}\nstatus:\n  conditions:\n  - {type: Ready, status: 'True'}\n"),
        StatusCase.of("Flux object not reconciled yet", IN_PROGRESS, "Flux has not reported it Ready yet",
            "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata: {name: home, namespace: flux-system}\n"),
        StatusCase.of("observedGeneration -1 (a CRD's default)", IN_PROGRESS, "not reconciled by its controller yet",
            head + "1}\nstatus: {observedGeneration: -1}\n"),
        StatusCase.of("Flux object Ready", CURRENT, "", "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"
            + "metadata: {name: apps, namespace: flux-system}\nstatus:\n  conditions:\n  - {type: Ready, status: 'True'}\n"));
  }

  @ParameterizedTest(name = "Pod: {0}")
  @MethodSource("pods")
  void pod(StatusCase row) {
    WorkloadStatusTest.check(row);
  }

  @ParameterizedTest(name = "Job: {0}")
  @MethodSource("jobs")
  void job(StatusCase row) {
    WorkloadStatusTest.check(row);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("others")
  void other(StatusCase row) {
    WorkloadStatusTest.check(row);
  }

  @ParameterizedTest(name = "custom resource: {0}")
  @MethodSource("customResources")
  void customResource(StatusCase row) {
    WorkloadStatusTest.check(row);
  }
}
