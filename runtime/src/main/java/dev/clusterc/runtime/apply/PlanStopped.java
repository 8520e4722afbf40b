package dev.clusterc.runtime.apply;

/** A plan or review stopped (Ctrl-C) before it finished; it wrote nothing. */
public final class PlanStopped extends RuntimeException {
  public PlanStopped() {
    super("the plan was stopped before it finished; nothing was written");
  }
}
