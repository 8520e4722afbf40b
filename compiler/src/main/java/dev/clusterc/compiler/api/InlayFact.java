package dev.clusterc.compiler.api;

import dev.clusterc.compiler.source.SourceSpan;

/**
 * Something the compiler knows about a place in a document that its text does not say, for an
 * editor to show inline: a host name derived from the cluster's domain, a default the user did
 * not write, the layer a declaration sits on.
 *
 * @param at where to show it: an empty span, just after the text it is about (the end of a
 *     declaration's first line, or of a value)
 * @param label the text to show, {@code layer: storage}, {@code namespace: media}
 */
public record InlayFact(SourceSpan at, String label, Sort sort) {
  /** What the fact is. */
  public enum Sort {
    /** A host name the compiler derives ({@code sonarr.tosih.org} from {@code ${name}.${cluster.domain}}). */
    HOST,
    /** The value an entry takes when it is not written in the declaration ({@code replicas: 1}). */
    DEFAULT,
    /** The layer of the dependency ladder a declaration sits on. */
    LAYER
  }
}
