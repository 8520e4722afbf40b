package dev.clusterc.runtime.inventory;

/** The label and annotation keys of the ApplySet specification (KEP-3659), as kubectl spells them. */
public final class ApplySetKeys {
  /** On the parent: the set's id, {@code applyset-<hash>-v1}. */
  public static final String ID = "applyset.kubernetes.io/id";
  /** On every member: the id of the set it belongs to. */
  public static final String PART_OF = "applyset.kubernetes.io/part-of";
  /** On the parent: {@code <tool>/<version>}; a tool refuses to change another tool's set. */
  public static final String TOOLING = "applyset.kubernetes.io/tooling";
  /** On the parent: the members' kinds, {@code Kind.group} sorted and joined by commas. */
  public static final String CONTAINS_GROUP_KINDS = "applyset.kubernetes.io/contains-group-kinds";
  /** On the parent: the members' namespaces other than the parent's own, sorted and joined by commas. */
  public static final String ADDITIONAL_NAMESPACES = "applyset.kubernetes.io/additional-namespaces";

  private ApplySetKeys() {}
}
