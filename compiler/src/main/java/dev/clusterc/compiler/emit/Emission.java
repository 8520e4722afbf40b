package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.charts.HelmChartRenderer;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.program.Program;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The units of one compile before they are connected: a unit per layered declaration, named by
 * {@link UnitNames} and registered in one {@link EmitContext}, then filled by the kinds' emitters.
 * The compiler fills every unit; a test fills the one declaration it is about through the same
 * naming and registration, so no test copies the compile loop.
 */
public final class Emission {
  private final EmitContext context;
  private final Map<Decl, Unit> units = new LinkedHashMap<>();

  private Emission(Program program, ChartRenderer charts, Deployer deployer) {
    this.context = new EmitContext(program, charts, deployer);
    Map<Decl, String> names = UnitNames.of(program.graph().nodes());
    for (Decl decl : program.graph().nodes()) {
      Unit unit = new Unit(names.get(decl), decl.layer(), decl);
      units.put(decl, unit);
      context.register(decl, unit);
    }
  }

  /**
   * Every layered declaration of a checked program with an empty unit, registered and not yet
   * filled; charts of a cluster without {@code gitops} are rendered with Helm
   * ({@link HelmChartRenderer}, over the chart cache the environment names).
   */
  public static Emission of(Program program) {
    return of(program, HelmChartRenderer.fromEnvironment());
  }

  /** {@link #of(Program)} with {@code charts} rendering the charts ({@link ChartRenderer#OFFLINE}: none). */
  public static Emission of(Program program, ChartRenderer charts) {
    return of(program, charts, Deployer.declared(program));
  }

  /** {@link #of(Program, ChartRenderer)} for {@code deployer}, whatever the cluster's {@code gitops} names. */
  public static Emission of(Program program, ChartRenderer charts, Deployer deployer) {
    return new Emission(program, charts, deployer);
  }

  public EmitContext context() {
    return context;
  }

  /** The units by declaration, in the graph's order. */
  public Map<Decl, Unit> units() {
    return Collections.unmodifiableMap(units);
  }

  /** The unit of a layered declaration. */
  public Unit unit(Decl decl) {
    Unit unit = units.get(decl);
    if (unit == null) {
      throw new IllegalArgumentException(decl.label() + " has no unit: only layered declarations do");
    }
    return unit;
  }

  /** Fills the declaration's unit with its kind's emitter (if its kind has one) and returns it. */
  public Unit emit(Decl decl) {
    Unit unit = unit(decl);
    Emitters.of(decl.kind()).ifPresent(emitter -> emitter.emit(decl, context, unit));
    return unit;
  }

  /** Fills the declaration's unit with {@code emitter}, one that keeps state a test reads afterwards. */
  public Unit emit(Decl decl, Emitter emitter) {
    Unit unit = unit(decl);
    emitter.emit(decl, context, unit);
    return unit;
  }

  /** Fills every unit, in the graph's order, as a compile does. */
  Emission emitAll() {
    units.keySet().forEach(this::emit);
    return this;
  }
}
