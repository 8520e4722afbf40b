package dev.clusterc.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutations that know nothing of the language: flipped bits, overwritten, inserted, deleted and
 * repeated byte ranges, and bytes that decoders and renderers find hard (NUL, a lone {@code \r},
 * invalid UTF-8, a byte-order mark, a very long line). They reach the file reader and the lexer.
 */
final class ByteMutator {
  /** Byte sequences that tend to break readers. */
  private static final List<byte[]> SPECIAL = List.of(
      new byte[] {0}, new byte[] {'\r'}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3},
      new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x92, (byte) 0xa9}, "\"\"\"".getBytes(), "\r\n".getBytes(),
      "\t".getBytes(), "\\".getBytes(), "\u00a0".getBytes(StandardCharsets.UTF_8));

  private ByteMutator() {}

  /** Mutates one regular file of the input; the name of what it did, or null when there was nothing to mutate. */
  static String mutate(FuzzInput input, Random random) {
    List<String> candidates = input.files.entrySet().stream()
        .filter(e -> e.getValue() instanceof FuzzInput.Regular)
        .map(Map.Entry::getKey).toList();
    if (candidates.isEmpty()) {
      return null;
    }
    // Mostly the sources; sometimes a secret or manifests file.
    List<String> clusters = input.clusterFiles();
    String path = !clusters.isEmpty() && random.nextInt(4) != 0
        ? clusters.get(random.nextInt(clusters.size())) : candidates.get(random.nextInt(candidates.size()));
    byte[] bytes = ((FuzzInput.Regular) input.files.get(path)).bytes();
    String what;
    switch (random.nextInt(7)) {
      case 0 -> {
        what = "flip bits";
        bytes = bytes.clone();
        for (int n = 1 + random.nextInt(4); n > 0 && bytes.length > 0; n--) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        what = "random bytes";
        bytes = bytes.clone();
        for (int n = 1 + random.nextInt(8); n > 0 && bytes.length > 0; n--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      case 2 -> {
        what = "insert special bytes";
        bytes = insert(bytes, random.nextInt(bytes.length + 1), SPECIAL.get(random.nextInt(SPECIAL.size())));
      }
      case 3 -> {
        what = "delete range";
        int from = random.nextInt(bytes.length + 1);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(64));
        bytes = concat(Arrays.copyOfRange(bytes, 0, from), Arrays.copyOfRange(bytes, to, bytes.length));
      }
      case 4 -> {
        what = "repeat range";
        int from = random.nextInt(bytes.length + 1);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(256));
        byte[] range = Arrays.copyOfRange(bytes, from, to);
        int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 4);
        byte[] repeated = new byte[range.length * times];
        for (int i = 0; i < times; i++) {
          System.arraycopy(range, 0, repeated, i * range.length, range.length);
        }
        bytes = insert(bytes, to, repeated);
      }
      case 5 -> {
        what = "long line";
        byte[] line = new byte[1000 + random.nextInt(random.nextInt(8) == 0 ? 400_000 : 20_000)];
        Arrays.fill(line, (byte) "ax9.-{\"#"
            .charAt(random.nextInt(8)));
        bytes = insert(bytes, random.nextInt(bytes.length + 1), line);
      }
      default -> {
        what = "truncate";
        bytes = Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
      }
    }
    input.put(path, bytes);
    return what + " in " + path;
  }

  static byte[] insert(byte[] bytes, int at, byte[] extra) {
    byte[] out = new byte[bytes.length + extra.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(extra, 0, out, at, extra.length);
    System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    return insert(a, a.length, b);
  }
}
