package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.kube.KubeObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A GitOps unit: the objects one declaration needs, applied together by one Flux Kustomization
 * ({@code DIR/<gitops path>/LAYER/NAME/}), and the units it depends on. Files included as they are
 * (SOPS or sealed secrets) travel with the units that use them.
 *
 * <p>A unit is an identity: dependencies hold the units themselves, never their names, so that the
 * graph and the apply order cannot mix up two units; the compiler gives every unit a name unique in
 * the cluster ({@link UnitNames}).
 */
public final class Unit {
  private final String name;
  private final String layer;
  private final Decl decl;
  private final List<KubeObject> objects = new ArrayList<>();
  private final Map<String, Path> includes = new TreeMap<>();
  private final Map<String, byte[]> contents = new TreeMap<>();
  private final List<ChartRelease> releases = new ArrayList<>();
  /** Units have no equals of their own, so this set holds them by identity. */
  private final Set<Unit> dependsOn = new LinkedHashSet<>();
  /** {@link #dependsOn()} as last sorted; {@code null} after a change (the compiler asks for it many times per unit). */
  private List<Unit> sortedDependencies;
  private boolean sops;

  public Unit(String name, String layer, Decl decl) {
    this.name = name;
    this.layer = layer;
    this.decl = decl;
  }

  public String name() {
    return name;
  }

  public String layer() {
    return layer;
  }

  /** The declaration the unit deploys; {@code null} for the cluster-wide unit. */
  public Decl decl() {
    return decl;
  }

  /** Adds an object; the unit keeps it as it is, so the emitter must not change it afterwards. */
  public void add(KubeObject object) {
    objects.add(object);
  }

  /** Adds a chart the unit's deployer renders itself (Argo CD), instead of a Flux HelmRelease. */
  public void release(ChartRelease release) {
    releases.add(release);
  }

  /** The charts the unit's deployer renders, in the order they were added; empty under Flux. */
  public List<ChartRelease> releases() {
    return Collections.unmodifiableList(releases);
  }

  /**
   * Includes a file as it is, under {@code fileName} in the unit's directory, or, when
   * {@code namespace} is given, in its subdirectory {@code NAMESPACE/}, whose kustomization puts
   * what it holds in that namespace. {@code content} is the file's bytes as analysis read them:
   * the layout writes those, and does not open {@code source} again.
   */
  public void include(String fileName, Path source, byte[] content, boolean sopsEncrypted, String namespace) {
    String key = namespace == null ? fileName : namespace + "/" + fileName;
    includes.put(key, source);
    contents.put(key, content.clone());
    sops |= sopsEncrypted;
  }

  /** Makes this unit wait for {@code other} (a unit never waits for itself). */
  public void dependOn(Unit other) {
    if (other != this && dependsOn.add(other)) {
      sortedDependencies = null;
    }
  }

  /**
   * Makes this unit wait for exactly {@code others}, dropping what it waited for before: the ladder
   * ({@code LadderOrder}) replaces edges that a wait for a lower layer already covers.
   */
  public void replaceDependencies(List<Unit> others) {
    dependsOn.clear();
    sortedDependencies = null;
    others.forEach(this::dependOn);
  }

  /** The objects in the order they were added. */
  public List<KubeObject> objects() {
    return Collections.unmodifiableList(objects);
  }

  /** The included files by their path in the unit's directory ({@code FILE} or {@code NAMESPACE/FILE}). */
  public Map<String, Path> includes() {
    return Collections.unmodifiableMap(includes);
  }

  /** The bytes of an included file, by its path in the unit's directory (a key of {@link #includes()}). */
  public byte[] content(String include) {
    byte[] content = contents.get(include);
    if (content == null) {
      throw new IllegalArgumentException("no file " + include + " in unit " + name);
    }
    return content.clone();
  }

  /** The units this one waits for, sorted by name. */
  public List<Unit> dependsOn() {
    if (sortedDependencies == null) {
      sortedDependencies = dependsOn.stream().sorted(Comparator.comparing(Unit::name)).toList();
    }
    return sortedDependencies;
  }

  /** Whether Flux must decrypt SOPS files in this unit. */
  public boolean hasSops() {
    return sops;
  }

  /** Whether the unit has files of its own in the tree: objects or included files, not only charts. */
  public boolean hasFiles() {
    return !objects.isEmpty() || !includes.isEmpty();
  }

  /**
   * Whether the tree has a directory {@code LAYER/NAME/} for the unit: one with files; and an empty
   * one (a barrier of the ladder) only under Flux, whose Kustomization of it orders the layers —
   * elsewhere {@code kubectl apply -k} of an empty directory would only fail. A unit whose only
   * content is a chart its Argo CD Application renders has none.
   */
  public boolean hasDirectory(boolean underFlux) {
    return isEmpty() ? underFlux : hasFiles();
  }

  public boolean isEmpty() {
    return objects.isEmpty() && includes.isEmpty() && releases.isEmpty();
  }

  /** {@code unit NAME}, for messages. */
  @Override
  public String toString() {
    return "unit " + name;
  }
}
