package dev.clusterc.cli;

import dev.clusterc.compiler.source.WorkingDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: it returns an exit status instead of exiting, writes to the
 * streams picocli was given (so tests capture them), and turns anything unexpected into one line
 * instead of a stack trace. A {@link ParameterException} thrown by a command's own checks is a usage
 * error, as picocli's: the message, the usage, exit 2.
 */
abstract class Subcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  Main main;

  /** Paths are read and printed relative to the process's working directory. */
  final WorkingDirectory cwd = WorkingDirectory.current();

  /** The command's work; an {@link IOException} that escapes is an I/O failure (exit 2). */
  abstract int run() throws IOException;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (IOException e) {
      String file = e instanceof FileSystemException ? ((FileSystemException) e).getFile() : null;
      Failure.of(file == null ? null : cwd.display(Path.of(file)), e).print(err());
      return ExitCode.FAILURE;
    } catch (ParameterException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      Main.internalError(err(), e);
      return ExitCode.FAILURE;
    } finally {
      out().flush();
      err().flush();
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Terminal terminal() {
    return main != null ? main.terminal() : Terminal.system();
  }
}
