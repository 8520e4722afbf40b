package dev.clusterc.compiler.emit;

import java.nio.file.Path;

/**
 * A secret's file, checked ({@link SecretFiles#read}): where it is, and the namespace it names
 * ({@code null}: none, so the compiler places it in each namespace that reads it).
 */
record SecretFile(Path path, String namespace) {}
