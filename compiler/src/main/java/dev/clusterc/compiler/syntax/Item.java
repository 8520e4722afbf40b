package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/** A top-level item of a file. Fields that could not be parsed are {@code null}. */
public sealed interface Item extends Node {

  /** The comment block directly above the item, without the {@code #}s; empty when there is none. */
  String doc();

  /** {@code import "path"} */
  record Import(SourceSpan span, String doc, Value.Str path) implements Item {}

  /** {@code use NAME [{ entries }]} */
  record Use(SourceSpan span, String doc, Name name, Block body) implements Item {}

  /** {@code template NAME(PARAM: TYPE [= DEFAULT], …) for KIND { entries }} */
  record Template(SourceSpan span, String doc, Name name, List<Param> params, Name kind, Block body)
      implements Item {}

  /** {@code KIND NAME [from TEMPLATE(args)] { entries }} */
  record Declaration(SourceSpan span, String doc, Name kind, Name name, TemplateCall from, Block body)
      implements Item {}

  /** A template parameter; {@code type} or {@code defaultValue} may be {@code null}. */
  record Param(SourceSpan span, Name name, Name type, Value defaultValue) implements Node {}

  /** {@code from TEMPLATE(args)} */
  record TemplateCall(SourceSpan span, Name template, List<Arg> args) implements Node {}

  /** A template argument, named ({@code port: 8989}) or positional ({@code name} is {@code null}). */
  record Arg(SourceSpan span, Name name, Value value) implements Node {}
}
