package dev.clusterc.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/**
 * {@code clusterc generate-completion}: picocli's bash/zsh completion script, unchanged; only the
 * version it prints is ours. Use: {@code source <(clusterc generate-completion)}.
 */
@Command(name = "generate-completion", versionProvider = Version.class)
public final class CompletionCommand extends AutoComplete.GenerateCompletion {}
