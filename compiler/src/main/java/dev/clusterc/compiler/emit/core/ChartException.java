package dev.clusterc.compiler.emit.core;

/**
 * Why a chart could not become manifests: it could not be fetched (the repository is unreachable,
 * answers with an error, or does not list that version) or Helm refused to render it. The message
 * is the reason only; the emitter names the chart, version, repository and declaration around it.
 */
public final class ChartException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Where it failed: fetching the chart, or rendering the chart once fetched. */
  public enum Stage { FETCH, RENDER }

  private final Stage stage;

  public ChartException(Stage stage, String reason, Throwable cause) {
    super(reason, cause);
    this.stage = stage;
  }

  public ChartException(Stage stage, String reason) {
    this(stage, reason, null);
  }

  public Stage stage() {
    return stage;
  }
}
