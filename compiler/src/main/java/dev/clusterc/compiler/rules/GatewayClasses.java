package dev.clusterc.compiler.rules;

import java.util.List;

/**
 * Gateway classes whose controller serves every Gateway from the one Service of its chart
 * (Traefik), so that all their gateways answer at one address. The checker and the emitters share
 * this list.
 */
public final class GatewayClasses {
  public static final List<String> SHARED_SERVICE = List.of("traefik");

  private GatewayClasses() {}

  public static boolean sharesOneService(String gatewayClass) {
    return SHARED_SERVICE.contains(gatewayClass);
  }
}
