package dev.clusterc.cli;

import dev.clusterc.cli.run.RunSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options {@code plan}, {@code diff} and {@code apply} share: which cluster (kubeconfig and
 * context, read as kubectl reads them), how to print, and how a run may take its time.
 */
public final class RuntimeOptions {
  enum Output { text, json }

  @Mixin
  ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (a live view on a terminal, plain lines otherwise) or json (${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}).")
  Output output = Output.text;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
      description = "How long each unit may take to become healthy, e.g. 90s, 5m, 1h30m (default: ${DEFAULT-VALUE}).")
  Duration timeout = Duration.ofMinutes(5);

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
      description = "How many independent units are applied at once (default: ${DEFAULT-VALUE}).")
  int parallel = 4;

  boolean json() {
    return output == Output.json;
  }

  /** Why these options cannot run, or {@code null}. */
  String problem() {
    return parallel < 1 ? "--parallel must be at least 1, not " + parallel : null;
  }

  RunSettings settings(boolean forceConflicts, boolean force, boolean pruneData, boolean allowDisruption,
      boolean keepGoing) {
    return new RunSettings(connection.kubeconfig, connection.context, timeout, parallel, forceConflicts, force, pruneData, allowDisruption,
        keepGoing);
  }

  /** {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}: Go's duration notation, as kubectl's {@code --timeout}. */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
      Matcher m = PART.matcher(text.toLowerCase(Locale.ROOT));
      Duration total = Duration.ZERO;
      int end = 0;
      while (m.find() && m.start() == end) {
        long n = Long.parseLong(m.group(1));
        total = total.plus(switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        });
        end = m.end();
      }
      if (text.isEmpty() || end != text.length() || total.isZero()) {
        throw new TypeConversionException("'" + text + "' is not a positive duration: write e.g. 90s, 5m or 1h30m");
      }
      return total;
    }
  }
}
