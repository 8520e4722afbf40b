package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.GatewayClasses;
import dev.clusterc.compiler.schema.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Gateways of a class that serves them all from one Service ({@link GatewayClasses}) answer at one
 * address: a second gateway of the class with another address is {@code invalid-value} (the same
 * address twice is {@code address-conflict}'s, {@link AddressConflictChecker}).
 */
public final class SharedServiceAddressChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Map<String, Decl> first = new HashMap<>();
    for (Decl gateway : program.decls(Kind.GATEWAY)) {
      if (gateway.isStd() || gateway.body() == null) {
        continue;
      }
      String gatewayClass = gateway.body().sym("class").orElse("");
      Optional<Typed.Addr> address = gateway.body().typed("address", Typed.Addr.class);
      if (!GatewayClasses.sharesOneService(gatewayClass) || address.isEmpty()) {
        continue;
      }
      Decl earlier = first.putIfAbsent(gatewayClass, gateway);
      if (earlier == null) {
        continue;
      }
      Typed.Addr theirs = earlier.body().typed("address", Typed.Addr.class).orElseThrow();
      if (!theirs.value().equals(address.get().value())) {
        report.accept(Sites.placed(program, gateway, Diagnostic.error(Code.INVALID_VALUE, address.get().span(),
                gateway.label() + " has class " + gatewayClass + ", whose gateways all answer at the one Service of its chart, "
                    + "which " + earlier.label() + " puts at " + theirs.value())
            .withHint("drop `address` here (" + gateway.label() + " then answers at " + theirs.value()
                + " too), or use a class that makes a Service per gateway, such as cilium or envoy-gateway")
            .withRelated(theirs.span(), earlier.label() + " sets the address here")));
      }
    }
  }
}
