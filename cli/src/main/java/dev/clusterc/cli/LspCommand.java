package dev.clusterc.cli;

import dev.clusterc.lsp.LanguageServerMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clusterc lsp}: the language server for editors, on standard input and output. It runs
 * until the editor says {@code exit} or closes the connection; its log goes to standard error.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Run the language server for editors, speaking the Language Server Protocol on standard input and "
        + "output (its log goes to standard error).",
    footer = {"", "Editors start it themselves: see editors/vscode and editors/nvim, or the README's \"Editors\".",
        "", "Exit status: 0 after the editor's shutdown and exit, 1 when the connection ended without them."})
public final class LspCommand extends Subcommand {
  @Option(names = "--stdio", description = "Speak on standard input and output (the default and only transport; "
      + "accepted because editors pass it).")
  boolean stdio;

  @Override
  int run() {
    return LanguageServerMain.serveStdio();
  }
}
