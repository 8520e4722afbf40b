package dev.clusterc.compiler.emit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VipEmitterTest {
  @Test
  void kubeVipIsADaemonSetWithItsServiceAccountAndRbacInKubeSystem() {
    assertEquals(API, PlatformEmitFixture.homelab().yaml("api"));
  }

  @Test
  void onNodesPlacesKubeVipByHostnameAndInterfaceIsEnvironment() {
    Program program = PlatformEmitFixture.program("vip api { address 10.0.0.50; on [cp, w1]; interface \"eth0\" }\n");
    Unit unit = PlatformEmitFixture.emit(program).unit("api");
    assertEquals(4, unit.objects().size());
    String daemonSet = YamlWriter.toYaml(unit.objects().get(3));
    assertTrue(daemonSet.contains("""
                        nodeSelectorTerms:
                          - matchExpressions:
                              - key: kubernetes.io/hostname
                                operator: In
                                values:
                                  - cp
                                  - w1
            """), daemonSet);
    assertTrue(daemonSet.contains("""
                        - name: port
                          value: "6443"
                        - name: vip_interface
                          value: eth0
            """), daemonSet);
  }

  @Test
  void talosEmitsNoKubernetesObjectButAPatchForTheControlPlanes() {
    Program program = PlatformEmitFixture.program("vip api { address 10.0.0.50; via talos }\n");
    assertTrue(PlatformEmitFixture.emit(program).unit("api").isEmpty());
    assertEquals(Map.of("patches/controller/vip-api.yaml", """
        # vip api (test.cluster:8), written by clusterc
        machine:
          network:
            interfaces:
              - deviceSelector:
                  physical: true
                vip:
                  ip: 10.0.0.50
        """), VipEmitter.talosPatches(program));
  }

  @Test
  void talosOnNodesWritesOnePatchPerNodeOnTheNamedInterface() {
    Program program = PlatformEmitFixture.program("vip api { address 10.0.0.50; on [cp]; via talos; interface \"eth0\" }\n");
    assertEquals(Map.of("patches/nodes/cp/vip-api.yaml", """
        # vip api (test.cluster:8), written by clusterc
        machine:
          network:
            interfaces:
              - interface: eth0
                vip:
                  ip: 10.0.0.50
        """), VipEmitter.talosPatches(program));
  }

  @Test
  void kubeVipHasNoTalosPatch() {
    assertEquals(Map.of(), VipEmitter.talosPatches(PlatformEmitFixture.program(PlatformEmitFixture.HOMELAB)));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.VIP);
  }

  static final String API = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        annotations:
          clusterc.dev/source: test.cluster:12
        labels:
          app.kubernetes.io/managed-by: clusterc
          app.kubernetes.io/name: api
          app.kubernetes.io/part-of: test
        name: kube-vip-api
        namespace: kube-system
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        annotations:
          clusterc.dev/source: test.cluster:12
        labels:
          app.kubernetes.io/managed-by: clusterc
          app.kubernetes.io/name: api
          app.kubernetes.io/part-of: test
        name: kube-vip-api
      rules:
        - apiGroups:
            - ""
          resources:
            - services/status
          verbs:
            - update
        - apiGroups:
            - ""
          resources:
            - services
            - endpoints
          verbs:
            - list
            - get
            - watch
            - update
        - apiGroups:
            - ""
          resources:
            - nodes
          verbs:
            - list
            - get
            - watch
            - update
            - patch
        - apiGroups:
            - coordination.k8s.io
          resources:
            - leases
          verbs:
            - list
            - get
            - watch
            - update
            - create
        - apiGroups:
            - discovery.k8s.io
          resources:
            - endpointslices
          verbs:
            - list
            - get
            - watch
            - update
        - apiGroups:
            - ""
          resources:
            - pods
          verbs:
            - list
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        annotations:
          clusterc.dev/source: test.cluster:12
        labels:
          app.kubernetes.io/managed-by: clusterc
          app.kubernetes.io/name: api
          app.kubernetes.io/part-of: test
        name: kube-vip-api
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: kube-vip-api
      subjects:
        - kind: ServiceAccount
          name: kube-vip-api
          namespace: kube-system
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        annotations:
          clusterc.dev/source: test.cluster:12
        labels:
          app.kubernetes.io/managed-by: clusterc
          app.kubernetes.io/name: api
          app.kubernetes.io/part-of: test
        name: kube-vip-api
        namespace: kube-system
      spec:
        selector:
          matchLabels:
            app.kubernetes.io/component: kube-vip
            app.kubernetes.io/name: api
        template:
          metadata:
            labels:
              app.kubernetes.io/component: kube-vip
              app.kubernetes.io/managed-by: clusterc
              app.kubernetes.io/name: api
              app.kubernetes.io/part-of: test
          spec:
            affinity:
              nodeAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - key: node-role.kubernetes.io/control-plane
                          operator: Exists
            containers:
              - args:
                  - manager
                env:
                  - name: vip_arp
                    value: "true"
                  - name: port
                    value: "6443"
                  - name: vip_nodename
                    valueFrom:
                      fieldRef:
                        fieldPath: spec.nodeName
                  - name: cp_enable
                    value: "true"
                  - name: cp_namespace
                    value: kube-system
                  - name: svc_enable
                    value: "false"
                  - name: vip_leaderelection
                    value: "true"
                  - name: vip_leasename
                    value: kube-vip-api
                  - name: vip_leaseduration
                    value: "5"
                  - name: vip_renewdeadline
                    value: "3"
                  - name: vip_retryperiod
                    value: "1"
                  - name: address
                    value: 10.0.0.50
                image: ghcr.io/kube-vip/kube-vip:v1.0.1
                name: kube-vip
                securityContext:
                  capabilities:
                    add:
                      - NET_ADMIN
                      - NET_RAW
            hostNetwork: true
            serviceAccountName: kube-vip-api
            tolerations:
              - effect: NoSchedule
                key: node-role.kubernetes.io/control-plane
                operator: Exists
              - effect: NoExecute
                key: node-role.kubernetes.io/control-plane
                operator: Exists
      """;
}
