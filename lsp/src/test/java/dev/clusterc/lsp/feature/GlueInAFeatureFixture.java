package dev.clusterc.lsp.feature;

import org.eclipse.lsp4j.launch.LSPLauncher;

/** Breaks the features' rule on purpose (a test fixture, never used): a feature reaching for a launcher. */
final class GlueInAFeatureFixture {
  private GlueInAFeatureFixture() {}

  static Object launcherType() {
    return LSPLauncher.class;
  }
}
