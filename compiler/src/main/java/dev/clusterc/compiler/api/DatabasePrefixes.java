package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps the environment of the apps that read a renamed database. An app's {@code database DB}
 * without {@code as} reads its credentials as {@code PREFIX_HOST}, … with the prefix made from the
 * database's name (§6.14, {@link App#defaultPrefix}), so the rename writes {@code as OLD_PREFIX}
 * after each such reference: the app reads the same variables as before. Where the reference is a
 * template's argument ({@code database $db}), {@code as} cannot be written for it, and the rename is
 * refused.
 */
final class DatabasePrefixes {
  private static final Pattern ENV_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Program program;

  DatabasePrefixes(Program program) {
    this.program = program;
  }

  /**
   * What to write after each reference to the database {@code symbol} names so that its readers
   * keep their prefix ({@code " as POSTGRES"}), by the reference's span; empty when the prefix does
   * not change or nothing reads the database without {@code as}.
   */
  Map<SourceSpan, String> kept(Symbol symbol, String newName) {
    Map<SourceSpan, String> suffixes = new LinkedHashMap<>();
    for (Read read : reads(symbol, newName)) {
      suffixes.put(read.name(), " as " + read.prefix());
    }
    return suffixes;
  }

  /** Why the readers' prefix cannot be kept, or {@code null}. */
  String unkept(Symbol symbol, String newName) {
    for (Read read : reads(symbol, newName)) {
      if (!ENV_PREFIX.matcher(read.prefix()).matches()) {
        return read.app().label() + " reads database " + symbol.name() + " as `" + read.prefix() + "_…`, a prefix made from the "
            + "database's name that `as` cannot write; renamed, the app's environment variables would change";
      }
      if (!within(read.name(), read.entry().entry().span())) {
        return read.app().label() + " reads database " + symbol.name() + " through a template's argument (" + read.name()
            + "), whose environment prefix `" + read.prefix() + "` comes from the database's name; renamed, the app's "
            + "environment variables would change: write `as " + read.prefix() + "` in the template's `database` entry first";
      }
    }
    return null;
  }

  /** A reference to the database in an app's {@code database} entry without {@code as}, whose prefix the rename would change. */
  private record Read(Decl app, BoundEntry entry, SourceSpan name, String prefix) {}

  private List<Read> reads(Symbol symbol, String newName) {
    List<Read> reads = new ArrayList<>();
    if (!symbol.keyword().equals(Kind.DATABASE.keyword())) {
      return reads;
    }
    String prefix = App.defaultPrefix(symbol.name());
    if (prefix.equals(App.defaultPrefix(newName))) {
      return reads;
    }
    Decl database = program.scope().lookup(Kind.DATABASE, symbol.name()).orElse(null);
    for (Decl app : program.decls(Kind.APP)) {
      if (app.body() == null || database == null) {
        continue;
      }
      for (BoundEntry entry : app.body().all("database")) {
        if (entry.ref("database").orElse(null) == database && entry.get("prefix").isEmpty()) {
          reads.add(new Read(app, entry, entry.get("database").get().span(), prefix));
        }
      }
    }
    return reads;
  }

  private static boolean within(SourceSpan inner, SourceSpan outer) {
    return inner.file().path().equals(outer.file().path()) && outer.start() <= inner.start() && inner.end() <= outer.end();
  }
}
