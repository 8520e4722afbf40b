package dev.clusterc.compiler.diag;

/** How bad a diagnostic is: errors stop compilation and make {@code check} exit 1; warnings do not. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
