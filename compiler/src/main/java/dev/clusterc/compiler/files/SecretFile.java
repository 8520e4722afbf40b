package dev.clusterc.compiler.files;

import java.nio.file.Path;

/**
 * A secret's file, read and checked during analysis ({@link SecretFileReader}): where it is, its
 * bytes (copied into the output as they are, never read again), and the namespace it names
 * ({@code null}: none, so the compiler places it in each namespace that reads it).
 */
public record SecretFile(Path path, byte[] bytes, String namespace) {}
