package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.kube.YamlTrees;
import dev.clusterc.compiler.layout.FlatLayout;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.kube.KubeObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Compile output is the same bytes across runs and file orders, and every object survives YAML → fabric8 → YAML. */
class CompilePropertiesTest {
  @Provide
  Arbitrary<Path> examples() {
    return Arbitraries.of(Examples.compilable());
  }

  @Property(tries = 30)
  void sameBytesWhateverTheOrderOfTheFiles(@ForAll("examples") Path example, @ForAll long seed) throws Exception {
    Workspace workspace = new Workspace(Repo.root());
    Program reference = Frontend.check(example, workspace);
    List<SourceUnit> shuffled = new ArrayList<>(reference.units());
    Collections.shuffle(shuffled, new Random(seed));
    Program reordered = Frontend.analyze(shuffled, new ArrayList<Diagnostic>(), Repo.root());
    assertEquals(FlatLayout.write(ManifestCompiler.compile(reference)),
        FlatLayout.write(ManifestCompiler.compile(reordered)));
  }

  @Property(tries = 10)
  void sameBytesOnEveryRun(@ForAll("examples") Path example) throws Exception {
    assertEquals(FlatLayout.write(Examples.compile(example)), FlatLayout.write(Examples.compile(example)));
  }

  @Property(tries = 10)
  void everyObjectSurvivesAYamlRoundTrip(@ForAll("examples") Path example) throws Exception {
    Compilation compilation = Examples.compile(example);
    List<KubeObject> objects = new ArrayList<>(compilation.flux());
    compilation.units().forEach(u -> objects.addAll(u.objects()));
    for (KubeObject object : objects) {
      YamlTrees.assertReadsBack(object);
    }
  }
}
