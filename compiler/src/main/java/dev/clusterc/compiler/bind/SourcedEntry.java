package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.syntax.Entry;
import java.util.Map;

/**
 * An entry of a declaration after template expansion, with the template arguments its strings may
 * interpolate ({@code ${port}}); empty for entries written in the declaration itself.
 */
public record SourcedEntry(Entry entry, Map<String, String> params) {}
