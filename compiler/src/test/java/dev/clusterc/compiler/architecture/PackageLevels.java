package dev.clusterc.compiler.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Optional;

/**
 * The compiler's packages in levels, lowest first: a package imports packages of lower levels, and
 * of its own level only without a cycle (the emit concerns use one another's helpers). A walk of one
 * value from the source text to the output then crosses each room once. A package missing from the
 * list fails the rule too, so that every new package is given its place on purpose.
 */
final class PackageLevels {
  static final String ROOT = "dev.clusterc.compiler.";

  /** Each level's packages, relative to {@link #ROOT}, lowest level first. */
  static final List<List<String>> LEVELS = List.of(
      List.of("source", "diag", "types", "schema", "kube"),
      List.of("syntax", "format"),
      List.of("bind"),
      List.of("load"),
      List.of("model"),
      List.of("rules"),
      List.of("files"),
      List.of("graph"),
      List.of("program"),
      List.of("check", "emit.core"),
      List.of("emit.app", "emit.storage", "emit.network", "emit.secret", "emit.component", "emit.flux",
          "emit.argocd", "emit.incluster", "charts"),
      List.of("emit"),
      List.of("layout"),
      List.of("api"));

  private PackageLevels() {}

  /** No compiler class imports a class of a package on a higher level, and every package has a level. */
  static ArchRule noUpwardImports() {
    return ArchRuleDefinition.classes().that().resideInAPackage("dev.clusterc.compiler..")
        .should(importOnlyLevelsUpToTheirOwn())
        .because("a package imports only lower ones (see PackageLevels)");
  }

  /** No two compiler packages import each other, directly or around a longer loop. */
  static ArchRule noCycles() {
    return SlicesRuleDefinition.slices().matching("dev.clusterc.compiler.(**)").should().beFreeOfCycles();
  }

  /** The level of a package, or empty for a package outside the compiler or without one. */
  static Optional<Integer> level(String packageName) {
    if (!packageName.startsWith(ROOT)) {
      return Optional.empty();
    }
    String relative = packageName.substring(ROOT.length());
    for (int i = 0; i < LEVELS.size(); i++) {
      if (LEVELS.get(i).contains(relative)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static ArchCondition<JavaClass> importOnlyLevelsUpToTheirOwn() {
    return new ArchCondition<>("import only packages of their own level or lower") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<Integer> own = level(item.getPackageName());
        if (own.isEmpty()) {
          events.add(SimpleConditionEvent.violated(item, "package " + item.getPackageName() + " of " + item.getName()
              + " has no level: give it one in PackageLevels.LEVELS"));
          return;
        }
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          Optional<Integer> other = level(target);
          if (other.isPresent() && other.get() > own.get()) {
            events.add(SimpleConditionEvent.violated(dependency, item.getPackageName() + " (level " + own.get() + ") imports "
                + target + " (level " + other.get() + "): " + dependency.getDescription()));
          }
        }
      }
    };
  }
}
