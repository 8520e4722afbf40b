package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.stream.Collectors;

/** Checks a cluster written in a test, emits one declaration into a fresh unit, and prints objects as YAML. */
public final class AppTestSupport {
  private AppTestSupport() {}

  /** {@link CheckFixture#BASE} and {@code text}, which must check without errors. */
  public static Program program(String text) {
    return clean(CheckFixture.BASE + text);
  }

  /** {@link CheckFixture#FLUX_BASE} and {@code text}, which must check without errors. */
  public static Program fluxProgram(String text) {
    return clean(CheckFixture.FLUX_BASE + text);
  }

  /** A whole cluster written in a test, which must check without errors. */
  public static Program clean(String text) {
    Program program = CheckFixture.programWithSecretFiles(text);
    assertEquals("", program.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
        .collect(Collectors.joining("\n")), "the test cluster has errors");
    return program;
  }

  public static Decl decl(Program program, Kind kind, String name) {
    return program.decls(kind).stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  /** The unit that {@code emitter} fills for the declaration {@code kind name}, named and registered as compile does. */
  public static Unit emit(Emitter emitter, Program program, Kind kind, String name) {
    return emit(emitter, Emission.of(program), kind, name);
  }

  /** The same in a given emission, whose other units earlier calls may have filled. */
  public static Unit emit(Emitter emitter, Emission emission, Kind kind, String name) {
    return emission.emit(decl(emission.context().program(), kind, name), emitter);
  }

  /** Every object of the unit, as YAML documents in order. */
  public static String yaml(Unit unit) {
    return unit.objects().stream().map(YamlWriter::toYaml).collect(Collectors.joining("---\n"));
  }

  /** The one object of {@code kind} named {@code name}. */
  public static String yaml(Unit unit, String kind, String name) {
    return YamlWriter.toYaml(object(unit, kind, name));
  }

  public static KubeObject object(Unit unit, String kind, String name) {
    return unit.objects().stream().filter(o -> o.kind().equals(kind) && o.name().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in\n" + yaml(unit)));
  }

  /** The kinds and names of the unit's objects, {@code Kind/name} one a line. */
  public static String inventory(Unit unit) {
    return unit.objects().stream().map(o -> o.kind() + "/" + o.name()).collect(Collectors.joining("\n"));
  }
}
