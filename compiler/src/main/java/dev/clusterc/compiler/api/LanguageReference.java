package dev.clusterc.compiler.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry tables of the language reference ({@code docs/language.md} §6, shipped with the
 * compiler), read once: what each entry of each kind and nested block means, whether it is
 * required, and its default, in the reference's own words, so an editor shows the same text the
 * reference does. A table belongs to the kind of its section, or to the block named at the start of
 * the paragraph above it ({@code `listener NAME { … }`:}); the first table of a block wins
 * ({@code gitops flux} over {@code gitops argocd} for the entries they share). The reference's
 * {@code *rep.*} reads "repeatable" here, as an editor may show the text as it is.
 *
 * <p>The reference is a resource of the build; a build without it answers every entry with
 * {@link #MISSING}, so an editor says so instead of showing nothing, and a test fails.
 */
final class LanguageReference {
  static final String RESOURCE = "language.md";
  private static final Pattern KIND_HEADING = Pattern.compile("^### 6\\.\\d+ `([a-z-]+)`");
  private static final Pattern KEY = Pattern.compile("`([a-z][a-z0-9-]*)");
  /** What every entry says when the reference is not in the build. */
  static final String MISSING = "(The language reference, " + RESOURCE + ", is missing from this build: no description.)";
  /** Entries most kinds take (§5.3), described once; a test keeps each section number pointing at its entry. */
  static final Map<String, String> COMMON = Map.of(
      "layer", "The layer this declaration sits on instead of its kind's (§8.2).",
      "depends-on", "Declarations of any kind this one waits for (§8.3).",
      "allow", "Accepts a finding on this declaration, with the reason (§13.6). Repeatable.",
      "ignore-drift", "A field others own, left out of drift detection and server-side apply conflicts (§6.14). Repeatable.");

  /** The rows by {@code KIND PARENT KEY}; {@code null} until read, empty when the resource is missing. */
  private static Map<String, String> entries;

  private LanguageReference() {}

  /**
   * What the reference says about entry {@code key} of {@code kind} (a kind keyword or {@code use}),
   * inside the block of entry {@code parent} ({@code null} at the top level); empty when it says nothing.
   */
  static synchronized String entry(String kind, String parent, String key) {
    if (entries == null) {
      entries = read();
    }
    if (entries.isEmpty()) {
      return MISSING;
    }
    String found = entries.get(kind + " " + (parent == null ? "" : parent) + " " + key);
    return found != null ? found : parent == null ? COMMON.getOrDefault(key, "") : "";
  }

  /** The tables of the reference shipped with the compiler; empty when it is not in the build (or unreadable). */
  static Map<String, String> read() {
    try (InputStream in = LanguageReference.class.getResourceAsStream(RESOURCE)) {
      return in == null ? Map.of() : tables(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** Every row of every entry table of §6, by {@code KIND PARENT KEY}. */
  static Map<String, String> tables(List<String> lines) {
    Map<String, String> found = new HashMap<>();
    String kind = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher heading = KIND_HEADING.matcher(line);
      if (heading.find()) {
        kind = heading.group(1);
      } else if (line.startsWith("## ")) {
        kind = line.startsWith("## 6.") ? kind : null;
      } else if (kind != null && line.startsWith("| entry |")) {
        String parent = parentOf(lines, i);
        for (int row = i + 2; row < lines.size() && lines.get(row).startsWith("|"); row++) {
          row(lines.get(row), kind, parent, found);
        }
      }
    }
    return found;
  }

  /** The block a table describes: none after the kind's example, else the key the paragraph above starts with. */
  private static String parentOf(List<String> lines, int header) {
    int at = header - 1;
    while (at >= 0 && lines.get(at).isBlank()) {
      at--;
    }
    if (at < 0 || lines.get(at).startsWith("```")) {
      return null;
    }
    while (at > 0 && !lines.get(at - 1).isBlank()) {
      at--;
    }
    Matcher key = KEY.matcher(lines.get(at));
    return lines.get(at).startsWith("`") && key.lookingAt() ? key.group(1) : null;
  }

  private static void row(String line, String kind, String parent, Map<String, String> found) {
    String[] cells = line.split("(?<!\\\\)\\|", -1);
    if (cells.length < 5) {
      return;
    }
    Matcher key = KEY.matcher(cells[1].strip());
    if (!key.lookingAt()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    append(text, cells[2]);
    append(text, cells[3]);
    String defaultValue = unescaped(cells[4]);
    if (!defaultValue.isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append("Default: ").append(defaultValue).append('.');
    }
    found.putIfAbsent(kind + " " + (parent == null ? "" : parent) + " " + key.group(1), text.toString());
  }

  private static void append(StringBuilder text, String cell) {
    String part = unescaped(cell);
    if (!part.isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1))
          .append(part.endsWith(".") ? "" : ".");
    }
  }

  private static String unescaped(String cell) {
    return cell.strip().replace("\\|", "|").replace("*rep.*", "repeatable");
  }
}
