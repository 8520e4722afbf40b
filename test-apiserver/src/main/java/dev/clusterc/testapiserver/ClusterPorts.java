package dev.clusterc.testapiserver;

import java.util.List;

/** The loopback ports of one {@link TestCluster}; kwok opens none. */
record ClusterPorts(int etcdClient, int etcdPeer, int apiServer, int controllerManager,
    int scheduler) {

  static ClusterPorts free() {
    List<Integer> ports = FreePorts.loopback(5);
    return new ClusterPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4));
  }
}
