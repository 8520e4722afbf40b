package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.GatewayClasses;
import dev.clusterc.compiler.schema.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gateways of a class that serves them all from one Service ({@link GatewayClasses}) answer at one
 * address: a second gateway of the class with another address is {@code invalid-value} (the same
 * address twice is {@code address-conflict}'s, {@link AddressConflictChecker}).
 */
public final class SharedServiceAddressChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Map<String, Gateway> first = new HashMap<>();
    for (Decl decl : program.decls(Kind.GATEWAY)) {
      if (decl.isStd() || decl.body() == null) {
        continue;
      }
      Gateway gateway = Gateway.of(program.model(), decl);
      String gatewayClass = gateway.gatewayClass() == null ? "" : gateway.gatewayClass();
      if (!GatewayClasses.sharesOneService(gatewayClass) || gateway.address() == null) {
        continue;
      }
      Gateway earlier = first.putIfAbsent(gatewayClass, gateway);
      if (earlier == null) {
        continue;
      }
      if (!earlier.address().equals(gateway.address())) {
        String theirs = earlier.decl().label();
        report.accept(Sites.placed(program, decl, Diagnostic.error(Code.INVALID_VALUE, gateway.addressSpan(),
                decl.label() + " has class " + gatewayClass + ", whose gateways all answer at the one Service of its chart, "
                    + "which " + theirs + " puts at " + earlier.address())
            .withHint("drop `address` here (" + decl.label() + " then answers at " + earlier.address()
                + " too), or use a class that makes a Service per gateway, such as cilium or envoy-gateway")
            .withRelated(earlier.addressSpan(), theirs + " sets the address here")));
      }
    }
  }
}
