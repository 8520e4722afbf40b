package dev.clusterc.compiler.graph;

import dev.clusterc.compiler.source.SourceSpan;

/**
 * A capability a declaration needs from a component in use ({@code gateway-class:cilium},
 * {@code volsync}); {@code reason} completes "pool lb …" ("is announced via cilium").
 */
public record Need(String capability, String reason, SourceSpan span) {}
