package dev.clusterc.lsp.feature;

/**
 * Turns an entry's usage ({@code mount VOLUME at STRING}, {@code role control-plane|worker},
 * {@code listener SYMBOL { … }}) into what completing its keyword inserts: a snippet with a tab stop
 * per value (a choice where the words are fixed, quotes around a string, brackets around a list),
 * connector words as written, optional groups left out, and a block opened on its own lines.
 */
final class EntrySnippets {
  private EntrySnippets() {}

  /** The snippet for an entry of this usage. */
  static String of(String usage) {
    String[] words = usage.trim().split("\\s+");
    StringBuilder out = new StringBuilder(escape(words[0]));
    int stop = 0;
    int optional = 0;
    for (int i = 1; i < words.length; i++) {
      String word = words[i];
      if (optional > 0 || word.startsWith("[") && !isList(word)) {
        optional += balance(word);
        continue;
      }
      if (word.equals("{") && i + 1 < words.length && words[i + 1].equals("…")) {
        return out.append(" {\n\t$0\n}").toString();
      }
      String slot = slot(word, stop + 1);
      stop += slot.equals(escape(word)) ? 0 : 1;
      out.append(' ').append(slot);
    }
    return out.append("$0").toString();
  }

  /** Without snippets: the keyword, and a space when values follow it. */
  static String plain(String name, String usage) {
    return usage.trim().equals(name) ? name : name + " ";
  }

  private static String slot(String word, int stop) {
    if (word.matches("[a-z0-9][a-z0-9-]*")) {
      return escape(word);
    } else if (word.matches("[a-z0-9-]+(\\|[a-z0-9-]+)+")) {
      return "${" + stop + "|" + word.replace("|", ",") + "|}";
    } else if (word.equals("STRING")) {
      return "\"$" + stop + "\"";
    } else if (word.equals("BOOL")) {
      return "${" + stop + "|true,false|}";
    } else if (isList(word)) {
      return "[$" + stop + "]";
    } else if (word.startsWith("MAP")) {
      return "{ $" + stop + " }";
    }
    return "${" + stop + ":" + escape(word) + "}";
  }

  /** A list as usages show it: {@code [NODE…]}. */
  private static boolean isList(String word) {
    return word.startsWith("[") && word.endsWith("…]") && word.indexOf('[', 1) < 0;
  }

  private static int balance(String word) {
    return (int) (word.chars().filter(c -> c == '[').count() - word.chars().filter(c -> c == ']').count());
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
  }
}
