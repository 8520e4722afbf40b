package dev.clusterc.runtime.inventory;

/**
 * The kinds of consequence {@code apply} refuses without an explicit flag, each with the flag that
 * allows it ({@link #flag()}, for the message that names it), and the one no flag allows.
 */
public enum Risk {
  /** A claim, a volume, a database or a namespace holding claims is deleted or re-created. */
  DATA_LOSS("--prune-data"),
  /** A database runs fewer instances: fewer standbys, or none. */
  FEWER_INSTANCES("--allow-disruption"),
  /** A load-balancer (VIP) or gateway address moves or is released, or a pool gives addresses up. */
  ADDRESS_MOVES("--allow-disruption"),
  /**
   * A claim, volume, CRD or Namespace would have to be deleted and created again (an immutable field
   * changed): clusterc never does that, whatever the flags, so no flag allows it ({@code Kinds.neverRecreated}).
   */
  NEVER_RECREATED(null);

  private final String flag;

  Risk(String flag) {
    this.flag = flag;
  }

  /** The command-line flag that allows it; {@code null} when nothing does. */
  public String flag() {
    return flag;
  }
}
