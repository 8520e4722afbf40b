package dev.clusterc.testapiserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports that were free a moment ago: each is bound (all at once, so they differ), then
 * released for a child process. Another process may take one in between; that race is rare and
 * shows as a start failure naming the port.
 */
final class FreePorts {

  private FreePorts() {}

  static List<Integer> loopback(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free loopback ports", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // nothing to release
        }
      }
    }
  }
}
