package dev.clusterc.compiler.emit;

import java.nio.file.Path;
import java.util.Set;

/**
 * What the compiler reads of a secret's file without decrypting anything: where it is, the kind
 * and name of the object in it, the namespace it names ({@code null}: none, so the compiler places
 * it) and the keys it holds ({@code data}/{@code stringData} of a SOPS-encrypted Secret,
 * {@code spec.encryptedData} of a SealedSecret; key names are never encrypted).
 */
record SecretFile(Path path, String kind, String name, String namespace, Set<String> keys) {}
