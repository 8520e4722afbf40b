package dev.clusterc.testapiserver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of a {@link TestCluster}'s five programs, everything on 127.0.0.1. The flags
 * follow the recipe proven on this machine: kube-apiserver verifies client certificates against
 * the cluster CA and also gets the requestheader flags (without them the controllers keep asking
 * for the missing {@code extension-apiserver-authentication} settings), authorizes with Node and
 * RBAC, and keeps its default admission plugins, ServiceAccount included.
 */
record ControlPlaneCommands(ApiServerBinaries binaries, KwokBinaries kwok, ClusterPki pki,
    Path kubeconfig, ClusterPorts ports, Path workDir) {

  /** The Pod network kwok hands out addresses from. */
  static final String POD_CIDR = "10.42.0.0/16";

  List<String> etcd() {
    String client = "http://127.0.0.1:" + ports.etcdClient();
    String peer = "http://127.0.0.1:" + ports.etcdPeer();
    return List.of(binaries.etcd().toString(),
        "--name=default",
        "--data-dir=" + workDir.resolve("etcd"),
        "--listen-client-urls=" + client, "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer, "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=default=" + peer,
        "--unsafe-no-fsync");
  }

  List<String> kubeApiServer() {
    return List.of(binaries.kubeApiServer().toString(),
        "--etcd-servers=http://127.0.0.1:" + ports.etcdClient(),
        "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
        "--secure-port=" + ports.apiServer(),
        // the default (lease) reconciler rejects a loopback advertise address
        "--endpoint-reconciler-type=none",
        "--tls-cert-file=" + pki.servingCert(), "--tls-private-key-file=" + pki.servingKey(),
        "--client-ca-file=" + pki.caCert(),
        "--requestheader-client-ca-file=" + pki.caCert(),
        "--requestheader-allowed-names=" + ClusterPki.FRONT_PROXY_CLIENT,
        "--requestheader-username-headers=X-Remote-User",
        "--requestheader-group-headers=X-Remote-Group",
        "--requestheader-extra-headers-prefix=X-Remote-Extra-",
        "--proxy-client-cert-file=" + pki.frontProxyCert(),
        "--proxy-client-key-file=" + pki.frontProxyKey(),
        "--authorization-mode=Node,RBAC",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + pki.serviceAccountPublicKey(),
        "--service-account-signing-key-file=" + pki.serviceAccountKey(),
        "--service-cluster-ip-range=" + TestApiServer.SERVICE_CLUSTER_IP_RANGE,
        "--allow-privileged=true",
        "--profiling=false");
  }

  List<String> kubeControllerManager() {
    List<String> command = new ArrayList<>(List.of(binaries.kubeControllerManager().toString(),
        "--leader-elect=false",
        "--service-account-private-key-file=" + pki.serviceAccountKey(),
        "--root-ca-file=" + pki.caCert(),
        "--cluster-name=clusterc-test",
        "--profiling=false"));
    command.addAll(component(ports.controllerManager()));
    return command;
  }

  List<String> kubeScheduler() {
    List<String> command = new ArrayList<>(List.of(binaries.kubeScheduler().toString(),
        "--leader-elect=false",
        "--profiling=false"));
    command.addAll(component(ports.scheduler()));
    return command;
  }

  /** kwok watches only Nodes annotated {@code kwok.x-k8s.io/node: fake}; it opens no port. */
  List<String> kwok(Path configuration) {
    return List.of(kwok.kwok().toString(),
        "--kubeconfig=" + kubeconfig,
        "--config=" + configuration,
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=" + FakeNode.ANNOTATION + "=" + FakeNode.FAKE,
        "--node-ip=127.0.0.1",
        "--cidr=" + POD_CIDR);
  }

  /** Kubeconfig and serving flags shared by the controller manager and the scheduler. */
  private List<String> component(int port) {
    return List.of(
        "--kubeconfig=" + kubeconfig,
        "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--bind-address=127.0.0.1",
        "--secure-port=" + port);
  }
}
