package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.stream.Collectors;

/** Emits one volume or database of a cluster written inline, and shows the objects as YAML. */
public final class VolumeTestSupport {
  private VolumeTestSupport() {}

  /** A checked program that has no errors (warnings are allowed). */
  public static Program program(String text) {
    Program program = CheckFixture.programWithSecretFiles(text);
    assertFalse(program.hasErrors(), () -> CheckFixture.render(program.diagnostics()));
    return program;
  }

  /** The unit of the volume or database {@code name}, filled by its emitter. */
  public static Unit emit(Program program, Kind kind, String name) {
    Decl decl = program.decls(kind).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    return Emission.of(program).emit(decl);
  }

  public static Unit emit(String text, Kind kind, String name) {
    return emit(program(text), kind, name);
  }

  /** Every object of the unit as YAML, one document each, in the unit's order. */
  public static String yaml(Unit unit) {
    return unit.objects().stream().map(YamlWriter::toYaml).collect(Collectors.joining("---\n"));
  }

  /** The YAML of the unit's objects of one kind, in order. */
  public static String yaml(Unit unit, String kind) {
    return unit.objects().stream().filter(o -> o.kind().equals(kind)).map(YamlWriter::toYaml).collect(Collectors.joining("---\n"));
  }

  /** The kinds and names of the unit's objects, as {@code Kind/name}, in order. */
  public static List<String> names(Unit unit) {
    return unit.objects().stream().map(o -> o.kind() + "/" + o.name()).toList();
  }

  public static void assertNames(Unit unit, String... expected) {
    assertEquals(List.of(expected), names(unit));
  }

  public static KubeObject only(Unit unit, String kind) {
    List<KubeObject> found = unit.objects().stream().filter(o -> o.kind().equals(kind)).toList();
    assertEquals(1, found.size(), kind);
    return found.get(0);
  }
}
