package dev.clusterc.cli;

import dev.clusterc.cli.run.ClusterUnreachableException;
import dev.clusterc.cli.run.RunSettings;
import dev.clusterc.cli.run.RuntimeEngine;
import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.watch.Suspension;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * What {@code suspend} and {@code resume} share: which cluster (its name from PATH, or {@code --cluster}),
 * the connection, and setting or removing the suspend flag on its ApplySet parent. The name is read
 * even from sources with errors: a broken revision is exactly when one wants to suspend.
 */
abstract class SuspensionCommand extends Subcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
      description = "The cluster's sources (a directory of .cluster files or one file): its name is read from them.")
  Path path;

  @Option(names = "--cluster", paramLabel = "NAME", description = "The cluster's name, instead of PATH.")
  String cluster;

  @Mixin
  ConnectionOptions connection = new ConnectionOptions();

  @Mixin
  ColorOption color = new ColorOption();

  /** True for {@code suspend}, false for {@code resume}. */
  abstract boolean suspends();

  @Override
  int run() throws IOException {
    if ((path == null) == (cluster == null)) {
      throw new ParameterException(spec.commandLine(), path == null
          ? "Missing required parameter: 'PATH' (or --cluster NAME)" : "give PATH or --cluster NAME, not both");
    }
    Optional<String> name = cluster != null ? Optional.of(cluster) : nameFromSources();
    if (name.isEmpty()) {
      return ExitCode.FAILURE;
    }
    try (Kube kube = RuntimeEngine.connect(RunSettings.connection(connection.kubeconfig, connection.context))) {
      Suspension.set(kube.client(), name.get(), suspends());
    } catch (ClusterUnreachableException e) {
      err().println("clusterc: cannot reach the cluster: " + e.getMessage());
      err().println("hint: check --kubeconfig and --context (`kubectl --context NAME get --raw /readyz` should answer ok)");
      return ExitCode.UNREACHABLE;
    } catch (KubernetesClientException | IllegalStateException | IllegalArgumentException e) {
      if (e.getCause() instanceof IOException) {
        err().println("clusterc: cannot reach the cluster: " + e.getMessage());
        return ExitCode.UNREACHABLE;
      }
      err().println("clusterc: cannot " + (suspends() ? "suspend" : "resume") + " cluster " + name.get() + ": "
          + e.getMessage());
      return ExitCode.FAILURE;
    }
    out().println(suspends()
        ? "cluster " + name.get() + " suspended: `apply --watch` applies and heals nothing until `clusterc resume`"
        : "cluster " + name.get() + " resumed: `apply --watch` reconciles it fully again");
    return ExitCode.OK;
  }

  /** The cluster's name from PATH, its diagnostics printed when it has none. */
  private Optional<String> nameFromSources() throws IOException {
    Failure problem = ClusterRoots.problem(path, cwd);
    if (problem != null) {
      problem.print(err());
      return Optional.empty();
    }
    Analysis analysis = ClusterCompiler.open(path).analyse();
    if (analysis.clusterName().isEmpty()) {
      RuntimeCommand.print(analysis.diagnostics(), color.enabled(terminal()), err());
      err().println("clusterc: " + path + " declares no `cluster`; name it with --cluster NAME");
    }
    return analysis.clusterName();
  }
}
